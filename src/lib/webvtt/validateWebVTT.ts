import webvtt, { type WebVTTError } from 'webvtt-parser'

const { WebVTTParser } = webvtt

export type WebVTTResult =
  | { ok: true; cueCount: number; lastCueEndSeconds: number }
  | { ok: false; line: number; message: string }

// The same line breaks the parser splits on, so line numbers agree with it.
const NEWLINE = /\r\n|\r|\n/

const TIMESTAMP = 'write times as 00:01:02.500'
const TIMING_LINE = 'a line like "00:00:01.000 --> 00:00:03.000"'

/**
 * The parser's messages are written for spec readers; these say what to change. A message not
 * listed here is passed on as the parser wrote it.
 */
const CLEARER: Record<string, string> = {
  'No valid signature. (File needs to start with "WEBVTT".)':
    'The file must start with "WEBVTT" on its first line.',
  'No blank line after the signature.':
    'Leave a blank line right after the "WEBVTT" line (remove lines such as "Kind: captions").',
  'No timestamp found.': `A timestamp is missing; ${TIMESTAMP}.`,
  'Timestamp must start with a character in the range 0-9.': `A timestamp must start with a digit; ${TIMESTAMP}.`,
  'No time unit separator found.': `A timestamp is missing a ":"; ${TIMESTAMP}.`,
  'Must be exactly two digits.': `Minutes and seconds need exactly two digits; ${TIMESTAMP}.`,
  'No seconds found or minutes is greater than 59.': `A timestamp has no seconds or more than 59 minutes; ${TIMESTAMP}.`,
  'No decimal separator (".") found.': `A timestamp needs a "." before its milliseconds (not a ","); ${TIMESTAMP}.`,
  'Milliseconds must be given in three digits.': `Milliseconds need exactly three digits; ${TIMESTAMP}.`,
  'You cannot have more than 59 minutes.': `A timestamp has more than 59 minutes; ${TIMESTAMP}.`,
  'You cannot have more than 59 seconds.': `A timestamp has more than 59 seconds; ${TIMESTAMP}.`,
  'No valid timestamp separator found.': 'The start and end times must be separated by " --> ".',
  "Timestamp not separated from '-->' by whitespace.": 'Put a space on each side of "-->".',
  "'-->' not separated from timestamp by whitespace.": 'Put a space on each side of "-->".',
  'End timestamp is not greater than start timestamp.':
    'The cue’s end time is not after its start time.',
  'Start timestamp is not greater than or equal to start timestamp of previous cue.':
    'This cue starts before the previous one; cues must be in time order.',
  'Cue identifier cannot be standalone.': `This line stands alone; a cue needs ${TIMING_LINE} followed by its text.`,
  'Cue identifier needs to be followed by timestamp.': `A cue identifier must be followed by ${TIMING_LINE}.`,
  'Blank line missing before cue.': 'Leave a blank line before each cue.',
  'Invalid setting.':
    'A cue setting after the times is not valid; use vertical:, line:, position:, size: or align:.',
  'Incorrect escape.': 'Write "&" as "&amp;" and "<" as "&lt;" in caption text.',
  'Only <v> and <lang> can have an annotation.':
    'Only <v> and <lang> tags can have text after the tag name, as in <v Ana> or <lang es>.',
  'Incorrect start tag.':
    'Caption text uses a tag WebVTT does not have; use only <b>, <i>, <u>, <c>, <v>, <lang>, <ruby> and <rt>.',
  'Incorrect end tag.': 'A closing tag in the caption text does not match the tag that is open.',
  'Required end tag missing.': 'A tag in the caption text is never closed.',
  '<v> requires an annotation.': 'A <v> tag needs the speaker’s name, as in <v Dr. García>.',
}

const clearer = (message: string) => CLEARER[message] ?? message.replace(/\.?$/, '.')

// Errors come out in file order except cue-text ones, which are reported once the cue is read.
const firstError = (errors: WebVTTError[]) => [...errors].sort((a, b) => a.line - b.line)[0]

/**
 * The line of an error in cue text. The parser reads a cue's text as one string and reports its
 * errors at the line after the text, with the column counted in that string; this walks back to
 * the cue's timing line and counts line breaks to find the line at fault.
 */
const cueTextLine = (lines: string[], error: WebVTTError) => {
  const end = error.line - 1 // 0-based index of the line that ended the cue text
  let timing = end - 1
  while (timing > 0 && !lines[timing].includes('-->')) timing--
  const cueText = lines.slice(timing + 1, end).join('\n')
  const breaks = cueText.slice(0, Math.max(0, (error.col ?? 1) - 1)).split('\n').length - 1
  return Math.min(timing + 1 + breaks, Math.max(timing + 1, end - 1)) + 1
}

/**
 * Checks a caption file with the W3C's reference WebVTT parser, strictly: any error the parser
 * reports fails the file, with the 1-based line to fix and a sentence saying what is wrong.
 * A file with no cues fails too. CRLF line breaks and a byte order mark are fine.
 *
 * Two passes: 'metadata' mode checks the structure and timings with exact line numbers but does
 * not read cue text; the default mode then checks the cue text (tags, escapes), whose errors need
 * their line worked out (see cueTextLine).
 */
export const validateWebVTT = (text: string): WebVTTResult => {
  const parser = new WebVTTParser()
  const structure = parser.parse(text, 'metadata')
  const structural = firstError(structure.errors)
  if (structural) return { ok: false, line: structural.line, message: clearer(structural.message) }
  if (!structure.cues.length) return { ok: false, line: 1, message: 'The file has no cues.' }

  const cueTextError = firstError(parser.parse(text).errors)
  if (cueTextError)
    return {
      ok: false,
      line: cueTextLine(text.split(NEWLINE), cueTextError),
      message: clearer(cueTextError.message),
    }

  return {
    ok: true,
    cueCount: structure.cues.length,
    lastCueEndSeconds: Math.max(...structure.cues.map((cue) => cue.endTime)),
  }
}
