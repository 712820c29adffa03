import { describe, expect, it } from 'vitest'

import { resultsCsv } from '../../../../src/results/csv'
import type { CampaignResults } from '../../../../src/results/types'
import { heartMonth } from './fixture'

/** An RFC 4180 reader, strict about CRLF, so the test reads the file the way a BI tool would. */
const parse = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"' && field === '') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else if (char === '\n' || char === '\r') throw new Error(`bare line break at ${i}`)
    else field += char
  }
  if (field || row.length) throw new Error('last record not ended by CRLF')
  return rows
}

const withPost = (overrides: Partial<CampaignResults['posts'][number]>): CampaignResults => ({
  ...heartMonth,
  posts: [{ ...heartMonth.posts[0], ...overrides }],
})

const recordsOf = (results: CampaignResults) => {
  const [header, ...rows] = parse(resultsCsv(results).slice(1))
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])))
}

describe('the results CSV', () => {
  it('starts with a byte-order mark and one header row, then one CRLF-ended row per post', () => {
    const csv = resultsCsv(heartMonth)
    expect(csv.startsWith('\uFEFFcampaign_id,campaign_title,publication_id,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const [header, ...rows] = parse(csv.slice(1))
    expect(header).toEqual([
      'campaign_id',
      'campaign_title',
      'publication_id',
      'channel',
      'channel_label',
      'account',
      'document_collection',
      'document_id',
      'document_title',
      'published_at',
      'state',
      'reach',
      'impressions',
      'engagement',
      'clicks',
      'views',
      'engagement_rate',
      'measured_at',
      'remote_url',
    ])
    expect(rows).toHaveLength(heartMonth.posts.length)
    for (const row of rows) expect(row).toHaveLength(header.length)
  })

  it('writes figures as plain numbers and leaves unknown ones blank, never "null"', () => {
    const csv = resultsCsv(heartMonth)
    expect(csv).not.toMatch(/null|undefined|NaN/)
    const [first, , , web, retracted] = recordsOf(heartMonth)
    expect(first).toMatchObject({
      campaign_id: '7',
      campaign_title: 'Heart Month 2025',
      publication_id: '101',
      reach: '1200',
      engagement: '95',
      clicks: '120',
      engagement_rate: '0.079',
      published_at: '2025-02-03T14:00:00.000Z',
    })
    expect(web).toMatchObject({ account: '', views: '830', channel_label: 'Website' })
    expect(retracted).toMatchObject({
      state: 'retracted',
      reach: '',
      impressions: '',
      engagement: '',
      engagement_rate: '',
      published_at: '',
      measured_at: '',
      remote_url: '',
      clicks: '0',
    })
  })

  it('rounds the engagement rate so float noise does not reach the sheet', () => {
    const [record] = recordsOf(withPost({ engagementRate: 1 / 3 }))
    expect(record.engagement_rate).toBe('0.333333')
  })

  it('quotes fields with commas, quotes and line breaks, and only those', () => {
    const csv = resultsCsv(heartMonth)
    expect(csv).toContain(',"Ana\'s story: ""I\'m back""",')
    expect(csv).toContain(',Heart Month 2025,')
    const [record] = recordsOf(withPost({ document: { collection: 'x', id: 1, title: 'a\r\nb' } }))
    expect(record.document_title).toBe('a\r\nb')
  })

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])(
    'makes a text cell starting %j inert with a leading apostrophe',
    (title) => {
      const [record] = recordsOf(withPost({ document: { collection: 'x', id: 1, title } }))
      expect(record.document_title).toBe(`'${title}`)
    },
  )

  it('guards every text column, not only titles, and leaves safe text alone', () => {
    const [record] = recordsOf(
      withPost({ account: '@stmarys@health.social', remoteUrl: '=HYPERLINK("x")', label: 'A-B' }),
    )
    expect(record.account).toBe("'@stmarys@health.social")
    expect(record.remote_url).toBe('\'=HYPERLINK("x")')
    expect(record.channel_label).toBe('A-B')
    expect(recordsOf(heartMonth)[2].document_title).toBe("'=Free BP checks, Main St")
  })

  it('writes only the header for a campaign with no posts yet', () => {
    const csv = resultsCsv({ ...heartMonth, posts: [] })
    expect(parse(csv.slice(1))).toHaveLength(1)
  })
})
