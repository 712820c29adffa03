/**
 * LinkedIn's Posts API reads `commentary` as "little" text: mentions `@[Name](urn:li:…)`, hashtag
 * templates `{hashtag|#|tag}` and so on. Its grammar reserves | { } @ [ ] ( ) < > # \ * _ ~, and the
 * docs require every reserved character to be backslash-escaped to stay plain text "even if those
 * characters are not used in one of the supported elements"; unescaped, LinkedIn cuts or garbles
 * the text. Our copy is plain text, so every reserved character is escaped.
 */
const RESERVED = /[|{}@[\]()<>#\\*_~]/g

export const escapeLittleText = (text: string): string => text.replace(RESERVED, '\\$&')
