import type { Access, PayloadRequest } from 'payload'
import type { Pool } from 'pg'

import { roleOf } from '../roles'
import { slugs } from '../slugs'

/**
 * Whether a file is referenced by live web content: the web channel puts a patient's photo in the
 * public projection only after the consent gate passed, and a revocation or expiry deletes that
 * projection in its own transaction, so "in the projection" is exactly "published with consent".
 */
const inPublicProjection = async (req: PayloadRequest, filename: string): Promise<boolean> => {
  const pool = (req.payload.db as unknown as { pool?: Pool }).pool
  if (!pool || !/^[\w.\-]+$/.test(filename)) return false
  const pattern = `%/file/${filename.replace(/[\\%_]/g, (char) => `\\${char}`)}"%`
  const { rowCount } = await pool.query(`SELECT 1 FROM "${slugs.deliveryItems.replace(/-/g, '_')}" WHERE data::text LIKE $1 LIMIT 1`, [pattern])
  return (rowCount ?? 0) > 0
}

/**
 * Media and videos: a file that shows a patient is served only to staff — and to the public once
 * the web channel has published it through the consent-checked delivery projection (and only while
 * it stays there). Everything else (logos, event photos, explainers) is public.
 */
export const notShowingPatientsOrStaff: Access = async ({ req, data, isReadingStaticFile }) => {
  const role = roleOf(req.user)
  if (role !== undefined && role !== 'front-end') return true
  const filename = (data as { filename?: unknown } | undefined)?.filename
  if (isReadingStaticFile && typeof filename === 'string' && (await inPublicProjection(req, filename))) return true
  return { showsPatient: { not_equals: true } }
}
