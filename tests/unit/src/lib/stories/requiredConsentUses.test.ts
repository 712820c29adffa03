import { describe, expect, it } from 'vitest'

import {
  requiredConsentUses,
  type StoryContents,
} from '../../../../../src/lib/stories/requiredConsentUses'

const bare: StoryContents = {
  displayNamePolicy: 'anonymous',
  narrativeText: 'A patient came to us for a check-up and went home the same day.',
  serviceLineTerms: ['breast cancer', 'cáncer de mama', 'mammogram', 'Salud Mamaria', 'MS'],
  hasPhotosShowingPatient: false,
  hasVideoShowingPatient: false,
  hasVideoWithPatientVoice: false,
  patientAge: null,
  patientHometown: null,
}
const story = (change: Partial<StoryContents>) => requiredConsentUses({ ...bare, ...change })

describe('requiredConsentUses', () => {
  it('needs nothing for an anonymous story that shows and names nothing', () => {
    expect(story({})).toEqual([])
  })

  it('needs "name" when a full or first name is shown, not for initials or anonymous', () => {
    expect(story({ displayNamePolicy: 'full-name' })).toEqual(['name'])
    expect(story({ displayNamePolicy: 'first-name' })).toEqual(['name'])
    expect(story({ displayNamePolicy: 'initials' })).toEqual([])
    expect(story({ displayNamePolicy: 'anonymous' })).toEqual([])
  })

  it('needs "likeness" for a photo or video of the patient, "voice" when they are heard', () => {
    expect(story({ hasPhotosShowingPatient: true })).toEqual(['likeness'])
    expect(story({ hasVideoShowingPatient: true })).toEqual(['likeness'])
    expect(story({ hasVideoWithPatientVoice: true })).toEqual(['voice'])
    expect(story({ hasVideoShowingPatient: true, hasVideoWithPatientVoice: true })).toEqual([
      'likeness',
      'voice',
    ])
  })

  it('needs "diagnosis" when the narrative or pull quote names a service-line term, in either language', () => {
    expect(story({ narrativeText: 'After her Breast Cancer diagnosis she kept running.' })).toEqual(
      ['diagnosis'],
    )
    expect(
      story({ narrativeText: 'Tras su diagnóstico de cancer de mama, siguió corriendo.' }),
    ).toEqual(['diagnosis'])
    expect(story({ narrativeText: 'Tras su diagnóstico de CÁNCER DE MAMA.' })).toEqual([
      'diagnosis',
    ])
    expect(story({ pullQuote: 'My mammogram saved my life.' })).toEqual(['diagnosis'])
    expect(story({ narrativeText: 'Her breast-cancer surgery went well.' })).toEqual(['diagnosis'])
  })

  it('does not need "diagnosis" for text that only contains a term inside a longer word, or a short term', () => {
    expect(story({ narrativeText: 'She booked two mammograms for her sisters.' })).toEqual([])
    expect(story({ narrativeText: 'She wrote to MS Johnson at the clinic.' })).toEqual([])
    expect(
      story({
        narrativeText: 'A story filed under a service line that never names the condition.',
        serviceLineTerms: ['breast cancer'],
      }),
    ).toEqual([])
  })

  it('needs "age" when the age is recorded', () => {
    expect(story({ patientAge: 52 })).toEqual(['age'])
    expect(story({ patientAge: 0 })).toEqual(['age'])
  })

  it.each([
    'The 52-year-old teacher',
    'a 52 year old teacher',
    'aged 61, he',
    'at age 70 she',
    'at 47 she ran',
    'at the age of 47',
    'he is 70 years old',
    'una maestra de 52 años',
    'a los 47 años corrió',
    'tiene 52 anos',
  ])('needs "age" when the text states one: %j', (text) => {
    expect(story({ narrativeText: text })).toEqual(['age'])
  })

  it.each([
    'Come at 10:30 for coffee.',
    'at 9 pm she called',
    'at 7 a.m. sharp',
    'twenty years ago',
    'in 2026 she ran',
    'she saved 52 years of photos',
    'Hace 10 años se mudó.',
  ])('does not need "age" for numbers that are not an age: %j', (text) => {
    expect(story({ narrativeText: text })).toEqual([])
  })

  it('needs "hometown" when a home town is recorded, not when it is blank', () => {
    expect(story({ patientHometown: 'Rockford' })).toEqual(['hometown'])
    expect(
      story({ patientHometown: 'Rockford', narrativeText: 'She grew up in Rockford.' }),
    ).toEqual(['hometown'])
    expect(story({ patientHometown: '  ' })).toEqual([])
    expect(story({ narrativeText: 'She grew up in Rockford.' })).toEqual([])
  })

  it('lists uses in a fixed order without repeats', () => {
    expect(
      story({
        displayNamePolicy: 'full-name',
        patientHometown: 'Joliet',
        patientAge: 40,
        narrativeText: 'The 40-year-old had breast cancer; her mammogram found it.',
        pullQuote: 'Breast cancer did not stop me.',
        hasPhotosShowingPatient: true,
        hasVideoShowingPatient: true,
        hasVideoWithPatientVoice: true,
      }),
    ).toEqual(['name', 'likeness', 'voice', 'diagnosis', 'age', 'hometown'])
  })
})
