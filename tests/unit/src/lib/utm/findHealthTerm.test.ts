import { describe, expect, it } from 'vitest'

import {
  findHealthTerm,
  findTermIn,
  healthTermMessage,
  stripHealthTerms,
} from '../../../../../src/lib/utm/findHealthTerm'

// As the service-line taxonomy has them: English and Spanish, some capitalized, one too short to use.
const terms = [
  'breast cancer',
  'cáncer de mama',
  'diabetes',
  'type 2 diabetes',
  'stroke',
  'cancer',
  'heart attack',
  'Hipertensión',
  'MS',
]

describe('findHealthTerm', () => {
  it.each([
    'breast-cancer-2026',
    'breast_cancer',
    'Breast_Cancer',
    'breast.cancer',
    'breast~cancer',
    'BREAST+CANCER',
    'breast%20cancer',
    'breast cancer',
    'walk-for-breast--cancer',
  ])('finds a multi-word term across separators, whatever the case: %s', (value) => {
    expect(findHealthTerm({ utm_campaign: value }, terms)).toEqual({
      field: 'utm_campaign',
      value,
      term: 'breast cancer',
    })
  })

  it('ignores accents on either side, and reports the term as the taxonomy writes it', () => {
    expect(findHealthTerm({ utm_campaign: 'cancer-de-mama-octubre' }, terms)?.term).toBe(
      'cáncer de mama',
    )
    expect(findHealthTerm({ utm_campaign: 'CÁNCER_DE_MAMA' }, terms)?.term).toBe('cáncer de mama')
    expect(findHealthTerm({ utm_content: 'hipertension-charla' }, terms)?.term).toBe('Hipertensión')
    expect(findHealthTerm({ utm_content: 'c%C3%A1ncer-de-mama' }, terms)?.term).toBe(
      'cáncer de mama',
    )
  })

  it('prefers the longest term that matches', () => {
    expect(findHealthTerm({ utm_content: 'breast-cancer' }, terms)?.term).toBe('breast cancer')
    expect(findHealthTerm({ utm_content: 'type-2-diabetes-class' }, terms)?.term).toBe(
      'type 2 diabetes',
    )
    expect(findHealthTerm({ utm_content: 'lung-cancer' }, terms)?.term).toBe('cancer')
  })

  it('matches whole words only: "strokes" is not "stroke", joined words are not split', () => {
    expect(findHealthTerm({ utm_campaign: 'strokes-of-genius' }, terms)).toBeNull()
    expect(findHealthTerm({ utm_campaign: 'heatstroke' }, terms)).toBeNull()
    expect(findHealthTerm({ utm_campaign: 'prediabetesx' }, terms)).toBeNull()
    expect(findHealthTerm({ utm_campaign: 'BreastCancer' }, terms)).toBeNull()
    expect(findHealthTerm({ utm_campaign: 'breast-health-cancer' }, ['breast cancer'])).toBeNull()
    expect(findHealthTerm({ utm_campaign: 'stroke-smart' }, terms)?.term).toBe('stroke')
    expect(findHealthTerm({ utm_campaign: 'diabetes-walk' }, terms)?.term).toBe('diabetes')
  })

  it('skips terms shorter than three characters', () => {
    expect(findHealthTerm({ utm_campaign: 'ms-walk' }, terms)).toBeNull()
    expect(findHealthTerm({ utm_campaign: 'ms-walk' }, ['ms', ' ms '])).toBeNull()
  })

  it('reports the first field that carries a term, and skips empty ones', () => {
    expect(
      findHealthTerm(
        {
          utm_source: 'facebook',
          utm_medium: 'social',
          utm_campaign: 'diabetes-walk',
          utm_content: 'stroke',
        },
        terms,
      ),
    ).toEqual({
      field: 'utm_campaign',
      value: 'diabetes-walk',
      term: 'diabetes',
    })
    expect(
      findHealthTerm({ utm_source: '', utm_campaign: null, utm_term: undefined }, terms),
    ).toBeNull()
    expect(findHealthTerm({ utm_campaign: 'heart-month-2026' }, terms)).toBeNull()
    expect(findHealthTerm({ utm_campaign: 'diabetes' }, [])).toBeNull()
  })
})

describe('healthTermMessage', () => {
  it('says which term, in which field, and why', () => {
    expect(
      healthTermMessage({
        field: 'utm_campaign',
        value: 'breast-cancer-2026',
        term: 'breast cancer',
      }),
    ).toBe(
      'utm_campaign contains "breast cancer", a condition or diagnosis term; UTM tags end up in analytics tools, so leave health terms out.',
    )
  })
})

describe('findTermIn', () => {
  it('finds a term in prose, across punctuation', () => {
    expect(findTermIn('After her stroke, she walked again.', terms)).toBe('stroke')
    expect(findTermIn('Nothing to see here.', terms)).toBeNull()
  })
})

describe('stripHealthTerms', () => {
  it('removes every term and collapses the separators', () => {
    expect(stripHealthTerms('breast-cancer-awareness-2026', terms)).toBe('awareness-2026')
    expect(stripHealthTerms('mes-del-cancer-de-mama', terms)).toBe('mes-del')
    expect(stripHealthTerms('stroke-and-diabetes-fair', terms)).toBe('and-fair')
    expect(stripHealthTerms('walk_breast_cancer_2026', terms)).toBe('walk_2026')
    expect(stripHealthTerms('diabetes-cancer-stroke-2026', terms)).toBe('2026')
  })

  it('strips again when removing a word joins two others into a term', () => {
    expect(stripHealthTerms('heart-cancer-attack-talk', terms)).toBe('talk')
  })

  it('leaves a value without terms exactly as it is, and whole-word only', () => {
    expect(stripHealthTerms('heart-month-2026', terms)).toBe('heart-month-2026')
    expect(stripHealthTerms('Heart_Month.2026', terms)).toBe('Heart_Month.2026')
    expect(stripHealthTerms('strokes-of-genius', terms)).toBe('strokes-of-genius')
  })

  it('returns empty when nothing is left', () => {
    expect(stripHealthTerms('diabetes', terms)).toBe('')
    expect(stripHealthTerms('breast-cancer', terms)).toBe('')
    expect(stripHealthTerms('', terms)).toBe('')
  })

  it('always leaves a value findHealthTerm accepts', () => {
    for (const value of [
      'breast-cancer-awareness-2026',
      'heart-cancer-attack-talk',
      'cancer-de-mama-y-diabetes',
      'type-2-diabetes-stroke-walk',
    ]) {
      expect(findHealthTerm({ utm_campaign: stripHealthTerms(value, terms) }, terms)).toBeNull()
    }
  })
})
