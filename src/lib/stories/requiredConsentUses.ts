import { findTermIn } from '../utm/findHealthTerm'

export type ConsentUse = 'name' | 'likeness' | 'voice' | 'diagnosis' | 'age' | 'hometown'

export type StoryContents = {
  displayNamePolicy: 'full-name' | 'first-name' | 'initials' | 'anonymous'
  narrativeText: string
  pullQuote?: string
  serviceLineTerms: string[]
  hasPhotosShowingPatient: boolean
  hasVideoShowingPatient: boolean
  hasVideoWithPatientVoice: boolean
  patientAge: number | null
  patientHometown: string | null
}

const ORDER: ConsentUse[] = ['name', 'likeness', 'voice', 'diagnosis', 'age', 'hometown']

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

const filled = (text: string | null | undefined) => typeof text === 'string' && text.trim() !== ''

const N = '\\d{1,3}'

// Ways a story states an age, matched on folded text (so "años" reads "anos"). "at 47" alone is
// too often a time ("at 10:30", "at 9 pm"), so it counts only when no time or measure follows.
const AGE_PATTERNS = [
  new RegExp(`\\b${N}[\\s-]+years?[\\s-]+old\\b`), // 52-year-old, 52 years old
  new RegExp(`\\baged?\\s+(of\\s+)?${N}\\b`), // aged 52, age 52
  new RegExp(
    `\\bat\\s+(the\\s+age\\s+of\\s+)?${N}\\b(?!\\s*(:|\\.\\d|h\\b|a\\.?m\\b|p\\.?m\\b|o.?clock|%|percent|degrees|°|miles|mph|km|kilometers|minutes|hours|seconds|pounds|lbs|kg|mg))`,
  ),
  new RegExp(`\\bde\\s+${N}\\s+anos\\b`), // una maestra de 52 años
  new RegExp(`\\b(a\\s+los|tiene|tenia|cumplio|cumple)\\s+${N}\\s+anos\\b`), // a los 52 años, tiene 52 años
  new RegExp(`\\b${N}\\s+anos\\s+de\\s+edad\\b`), // 52 años de edad
]

const statesAge = (text: string) => {
  const folded = fold(text)
  return AGE_PATTERNS.some((pattern) => pattern.test(folded))
}

/**
 * The consent uses a story needs, read off what it shows: the name it prints, the patient's face
 * or voice in its media, a condition named in its text, an age, a home town. Diagnosis is judged
 * on the text alone: a story filed under Oncology that never names the illness does not disclose
 * it. Terms match as whole words (case and accents ignored), the same rule as for UTM tags, so
 * "mammograms" does not match the term "mammogram". A recorded home town always counts, whether
 * or not the text repeats it, since it is published with the story.
 */
export const requiredConsentUses = (s: StoryContents): ConsentUse[] => {
  const text = [s.narrativeText ?? '', s.pullQuote ?? ''].join('\n')
  const needs = new Set<ConsentUse>()
  if (s.displayNamePolicy === 'full-name' || s.displayNamePolicy === 'first-name') needs.add('name')
  if (s.hasPhotosShowingPatient || s.hasVideoShowingPatient) needs.add('likeness')
  if (s.hasVideoWithPatientVoice) needs.add('voice')
  if (findTermIn(text, s.serviceLineTerms ?? [])) needs.add('diagnosis')
  if ((typeof s.patientAge === 'number' && Number.isFinite(s.patientAge)) || statesAge(text))
    needs.add('age')
  if (filled(s.patientHometown)) needs.add('hometown')
  return ORDER.filter((use) => needs.has(use))
}
