export type HealthTermHit = { field: string; value: string; term: string }

// Anything that is not a letter or a digit separates words: this covers what people and URL
// encoders put between words in a tag (- _ . ~ + %20 and spaces) and punctuation in prose.
// "%20" is listed because a value may arrive still encoded.
const SEPARATORS = /(?:%20|[^\p{L}\p{N}])+/u

/** Lower-case with accents removed, so "Cáncer de Mama" and "cancer-de-mama" compare equal. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

// A tag may carry percent-encoded accents ("c%C3%A1ncer"); a malformed escape is kept as typed.
const decode = (text: string) => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The folded words of a text, in order, for comparing. */
const words = (text: string) => decode(text).split(SEPARATORS).filter(Boolean).map(fold)

/** Where the word sequence `needle` starts in `haystack` as whole words, or -1. */
const indexOfRun = (haystack: string[], needle: string[]) => {
  if (!needle.length) return -1
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((word, j) => haystack[i + j] === word)) return i
  }
  return -1
}

// Two-letter terms ("MS", "RA") are ordinary words too often to be matched safely.
const MIN_TERM_LENGTH = 3

/** Terms worth matching with their folded words, longest first so "breast cancer" wins over "cancer". */
const prepare = (terms: string[]) =>
  terms
    .filter((term) => typeof term === 'string' && term.trim().length >= MIN_TERM_LENGTH)
    .map((term) => ({ term: term.trim(), words: words(term) }))
    .filter(({ words }) => words.length > 0)
    .sort((a, b) => b.words.join(' ').length - a.words.join(' ').length)

/**
 * The first of `terms` that `text` contains as whole words (case and accents ignored), the
 * longest when several do; null when none does. Shared with the patient-story checks.
 */
export const findTermIn = (text: string, terms: string[]): string | null => {
  const haystack = words(text)
  return (
    prepare(terms).find((candidate) => indexOfRun(haystack, candidate.words) >= 0)?.term ?? null
  )
}

/**
 * The first condition or diagnosis term found in any of the values, checking fields in the order
 * given. Whole words only: "stroke" is found in "stroke-smart" but not in "strokes" or
 * "heatstroke", and "breast cancer" not in "BreastCancer" — joined words are not split.
 */
export const findHealthTerm = (
  values: Record<string, string | null | undefined>,
  terms: string[],
): HealthTermHit | null => {
  for (const [field, value] of Object.entries(values)) {
    if (typeof value !== 'string' || !value) continue
    const term = findTermIn(value, terms)
    if (term) return { field, value, term }
  }
  return null
}

export const healthTermMessage = (hit: HealthTermHit): string =>
  `${hit.field} contains "${hit.term}", a condition or diagnosis term; UTM tags end up in analytics tools, so leave health terms out.`

type Token = { word: string; folded: string; before: string }

/** Each word as written, folded, and with the separator written before it, to put the kept ones back together. */
const tokensOf = (text: string): Token[] => {
  const tokens: Token[] = []
  let start = 0
  let before = ''
  const add = (end: number) => {
    if (end > start)
      tokens.push({ word: text.slice(start, end), folded: fold(text.slice(start, end)), before })
  }
  for (const match of text.matchAll(new RegExp(SEPARATORS.source, 'gu'))) {
    add(match.index)
    before = match[0]
    start = match.index + match[0].length
  }
  add(text.length)
  return tokens
}

/**
 * Removes every whole-word occurrence of the terms from a separated value (a slug), keeping the
 * other words as written and the separators between them: "breast-cancer-awareness-2026" →
 * "awareness-2026". Removing a word can join two others into a term ("heart-cancer-attack"
 * loses "cancer" and becomes "heart-attack"), so it repeats until none is left; the result
 * therefore always passes findHealthTerm. Returns '' when nothing is left.
 */
export const stripHealthTerms = (value: string, terms: string[]): string => {
  const candidates = prepare(terms)
  const firstRun = (list: Token[]) => {
    const haystack = list.map((token) => token.folded)
    return candidates
      .map((candidate) => ({
        at: indexOfRun(haystack, candidate.words),
        length: candidate.words.length,
      }))
      .find(({ at }) => at >= 0)
  }
  let kept = tokensOf(decode(value))
  let hit = firstRun(kept)
  if (!hit) return value
  while (hit) {
    const after = kept[hit.at + hit.length]
    // The word after the removed run takes the separator that stood before the run.
    const joined = after ? [{ ...after, before: kept[hit.at].before }] : []
    kept = [...kept.slice(0, hit.at), ...joined, ...kept.slice(hit.at + hit.length + 1)]
    hit = firstRun(kept)
  }
  return kept.map((token, index) => (index === 0 ? token.word : token.before + token.word)).join('')
}
