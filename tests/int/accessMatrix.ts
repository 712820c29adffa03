/**
 * Who may do what, per role, collection and operation: the table the README shows, walked cell
 * by cell by access-matrix.test.ts.
 *   all        every document, drafts and files showing patients included
 *   published  only published versions (drafts hidden)
 *   public     only files that show no patient
 *   own        only their own user document (staff update only their own, too)
 *   yes / no   the operation is allowed / refused (403)
 *   retained   the role may delete, but a record inside its 6-year retention period is refused
 */
export const roleKeys = [
  'anonymous',
  'front-end',
  'marketer',
  'approver',
  'consent-officer',
  'admin',
] as const
export type RoleKey = (typeof roleKeys)[number]
export type ReadCell = 'all' | 'published' | 'public' | 'own' | 'no'
export type WriteCell = 'yes' | 'no' | 'retained'
export type Row = { read: ReadCell; create: WriteCell; update: WriteCell; delete: WriteCell }

const r = (read: ReadCell, create: WriteCell, update: WriteCell, del: WriteCell): Row => ({
  read,
  create,
  update,
  delete: del,
})

export const accessMatrix: Record<string, Record<RoleKey, Row>> = {
  campaigns: {
    anonymous: r('published', 'no', 'no', 'no'),
    'front-end': r('published', 'no', 'no', 'no'),
    marketer: r('all', 'yes', 'yes', 'yes'),
    approver: r('all', 'no', 'no', 'no'),
    'consent-officer': r('all', 'no', 'no', 'no'),
    admin: r('all', 'yes', 'yes', 'yes'),
  },
  'patient-stories': {
    anonymous: r('no', 'no', 'no', 'no'),
    'front-end': r('published', 'no', 'no', 'no'),
    marketer: r('all', 'yes', 'yes', 'yes'),
    approver: r('all', 'no', 'no', 'no'),
    'consent-officer': r('all', 'no', 'yes', 'no'),
    admin: r('all', 'yes', 'yes', 'yes'),
  },
  'community-events': {
    anonymous: r('published', 'no', 'no', 'no'),
    'front-end': r('published', 'no', 'no', 'no'),
    marketer: r('all', 'yes', 'yes', 'yes'),
    approver: r('all', 'no', 'no', 'no'),
    'consent-officer': r('all', 'no', 'no', 'no'),
    admin: r('all', 'yes', 'yes', 'yes'),
  },
  'video-assets': {
    anonymous: r('public', 'no', 'no', 'no'),
    'front-end': r('public', 'no', 'no', 'no'),
    marketer: r('all', 'yes', 'yes', 'yes'),
    approver: r('all', 'no', 'no', 'no'),
    'consent-officer': r('all', 'no', 'no', 'no'),
    admin: r('all', 'yes', 'yes', 'yes'),
  },
  media: {
    anonymous: r('public', 'no', 'no', 'no'),
    'front-end': r('public', 'no', 'no', 'no'),
    marketer: r('all', 'yes', 'yes', 'yes'),
    approver: r('all', 'no', 'no', 'no'),
    'consent-officer': r('all', 'no', 'no', 'no'),
    admin: r('all', 'yes', 'yes', 'yes'),
  },
  'consent-records': {
    anonymous: r('no', 'no', 'no', 'no'),
    'front-end': r('no', 'no', 'no', 'no'),
    marketer: r('no', 'no', 'no', 'no'),
    approver: r('no', 'no', 'no', 'no'),
    'consent-officer': r('all', 'yes', 'yes', 'retained'),
    admin: r('all', 'yes', 'yes', 'retained'),
  },
  'consent-forms': {
    anonymous: r('no', 'no', 'no', 'no'),
    'front-end': r('no', 'no', 'no', 'no'),
    marketer: r('no', 'no', 'no', 'no'),
    approver: r('no', 'no', 'no', 'no'),
    'consent-officer': r('all', 'yes', 'yes', 'yes'),
    admin: r('all', 'yes', 'yes', 'yes'),
  },
  'service-lines': {
    anonymous: r('all', 'no', 'no', 'no'),
    'front-end': r('all', 'no', 'no', 'no'),
    marketer: r('all', 'yes', 'yes', 'yes'),
    approver: r('all', 'no', 'no', 'no'),
    'consent-officer': r('all', 'no', 'no', 'no'),
    admin: r('all', 'yes', 'yes', 'yes'),
  },
  'audience-segments': {
    anonymous: r('all', 'no', 'no', 'no'),
    'front-end': r('all', 'no', 'no', 'no'),
    marketer: r('all', 'yes', 'yes', 'yes'),
    approver: r('all', 'no', 'no', 'no'),
    'consent-officer': r('all', 'no', 'no', 'no'),
    admin: r('all', 'yes', 'yes', 'yes'),
  },
  'health-observances': {
    anonymous: r('all', 'no', 'no', 'no'),
    'front-end': r('all', 'no', 'no', 'no'),
    marketer: r('all', 'yes', 'yes', 'yes'),
    approver: r('all', 'no', 'no', 'no'),
    'consent-officer': r('all', 'no', 'no', 'no'),
    admin: r('all', 'yes', 'yes', 'yes'),
  },
  'audit-events': {
    anonymous: r('no', 'no', 'no', 'no'),
    'front-end': r('no', 'no', 'no', 'no'),
    marketer: r('no', 'no', 'no', 'no'),
    approver: r('no', 'no', 'no', 'no'),
    'consent-officer': r('all', 'no', 'no', 'no'),
    admin: r('all', 'no', 'no', 'no'),
  },
  users: {
    anonymous: r('no', 'no', 'no', 'no'),
    'front-end': r('own', 'no', 'no', 'no'),
    marketer: r('all', 'no', 'yes', 'no'),
    approver: r('all', 'no', 'yes', 'no'),
    'consent-officer': r('all', 'no', 'yes', 'no'),
    admin: r('all', 'yes', 'yes', 'yes'),
  },
}

const cellText = (row: Row): string => {
  const writes = (['create', 'update', 'delete'] as const)
    .filter((op) => row[op] !== 'no')
    .map((op) => (row[op] === 'retained' ? `${op}¹` : op))
  if (row.read === 'no' && writes.length === 0) return '—'
  return [row.read === 'no' ? 'no read' : `read ${row.read}`, ...writes].join(', ')
}

/** The table as it appears in the README (a unit test keeps the two identical). */
export const renderAccessTable = (): string => {
  const lines = [
    `| collection | ${roleKeys.join(' | ')} |`,
    `|---|${roleKeys.map(() => '---').join('|')}|`,
  ]
  for (const [collection, row] of Object.entries(accessMatrix)) {
    lines.push(`| ${collection} | ${roleKeys.map((role) => cellText(row[role])).join(' | ')} |`)
  }
  return lines.join('\n')
}

/**
 * After the consent a document relies on ends — revoked, or past its last day — for a published
 * patient story whose consent record it is, and a photo or video marked as showing a patient and
 * linked to it. Walked by access-matrix.test.ts over REST and GraphQL (lists and by id) and the
 * Local API with `overrideAccess: false`. Only consent officers and admins keep reading them.
 */
export const consentEndings = ['revoked', 'expired'] as const
export type ConsentEnding = (typeof consentEndings)[number]
export type EndedRow = { read: boolean; update: boolean; delete: boolean }

const e = (read: boolean, update: boolean, del: boolean): EndedRow => ({
  read,
  update,
  delete: del,
})
const noneOf = e(false, false, false)

export const consentEndedMatrix: Record<string, Record<RoleKey, EndedRow>> = {
  'patient-stories': {
    anonymous: noneOf,
    'front-end': noneOf,
    marketer: noneOf,
    approver: noneOf,
    'consent-officer': e(true, true, false),
    admin: e(true, true, true),
  },
  media: {
    anonymous: noneOf,
    'front-end': noneOf,
    marketer: noneOf,
    approver: noneOf,
    'consent-officer': e(true, false, false),
    admin: e(true, true, true),
  },
  'video-assets': {
    anonymous: noneOf,
    'front-end': noneOf,
    marketer: noneOf,
    approver: noneOf,
    'consent-officer': e(true, false, false),
    admin: e(true, true, true),
  },
}

const endedCellText = (row: EndedRow): string => {
  const ops = (['read', 'update', 'delete'] as const).filter((op) => row[op])
  return ops.length ? ops.join(', ') : '—'
}

/** The second README table: who still reaches a document once its consent has ended. */
export const renderConsentEndedTable = (): string => {
  const lines = [
    `| consent ended | ${roleKeys.join(' | ')} |`,
    `|---|${roleKeys.map(() => '---').join('|')}|`,
  ]
  for (const [collection, row] of Object.entries(consentEndedMatrix)) {
    for (const ending of consentEndings) {
      const what = collection === 'patient-stories' ? collection : `${collection} showing a patient`
      lines.push(
        `| ${what}, consent ${ending} | ${roleKeys.map((role) => endedCellText(row[role])).join(' | ')} |`,
      )
    }
  }
  return lines.join('\n')
}
