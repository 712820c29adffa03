import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { renderAccessTable, renderConsentEndedTable } from '../int/accessMatrix'

describe('README access table', () => {
  it('is the table the access-matrix test walks, cell for cell', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8')
    expect(readme).toContain(renderAccessTable())
  })

  it('has the table of who still reaches a story or patient file once its consent has ended, cell for cell', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8')
    expect(readme).toContain(renderConsentEndedTable())
  })
})
