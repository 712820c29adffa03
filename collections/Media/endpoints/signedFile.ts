import fs from 'node:fs/promises'
import path from 'node:path'

import type { Endpoint, PayloadRequest, Where } from 'payload'

import { patientConsentHoldsWhere } from '../../../src/consent/consentHolds'
import { mediaLinkKey, secondsLeft, verifyMediaLink } from '../../../src/lib/mediaLinks/token'
import { slugs } from '../../../src/slugs'
import { namedFile, type NamedFile } from '../networkSizes'
import { SIGNED_FILE_SEGMENT } from '../signedFileUrl'

/**
 * One answer for every link that must not open — expired, tampered, signed with another key, a
 * file the document does not name, a document that is gone or whose consent no longer holds — so
 * that a prober learns nothing about which it was, or whether the photo exists at all.
 */
const notFound = (): Response =>
  Response.json(
    { errors: [{ message: 'Not Found' }] },
    { status: 404, headers: { 'Cache-Control': 'no-store' } },
  )

/** The upload collections whose files can be handed to a network as a signed link. */
export type SignedCollection = typeof slugs.media | typeof slugs.videoAssets

type MediaDoc = {
  id: number
  filename?: unknown
  mimeType?: unknown
  sizes?: unknown
  showsPatient?: boolean | null
  consentRecords?: unknown[] | null
}

/**
 * The media document, if it may be shown right now. Payload's `read` access is not used (the
 * network is nobody to Payload); the rule is the one the access functions use for a patient file,
 * `patientConsentHoldsWhere` — withheld once any consent it is linked to is revoked or past its
 * last day — read afresh at this request, so a link signed before a revocation stops working the
 * moment the revocation commits. A patient file linked to no consent at all has nothing that
 * permits showing it (the consent gate would never have scheduled it), so it is withheld too.
 */
const showableMedia = async (
  req: PayloadRequest,
  collection: SignedCollection,
  id: number,
): Promise<MediaDoc | undefined> => {
  const holds = await patientConsentHoldsWhere(req, collection)
  const where: Where = { and: [{ id: { equals: id } }, ...(holds === true ? [] : [holds])] }
  const { docs } = await req.payload.find({
    collection,
    where,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const doc = docs[0] as unknown as MediaDoc | undefined
  if (!doc) return undefined
  if (doc.showsPatient && !doc.consentRecords?.length) return undefined
  return doc
}

/** The file's bytes from the collection's upload directory, or `undefined` when it is not there. */
const readUpload = async (
  req: PayloadRequest,
  collection: SignedCollection,
  file: NamedFile,
): Promise<Buffer | undefined> => {
  const upload = req.payload.collections[collection]?.config.upload
  const staticDir = typeof upload === 'object' && upload ? upload.staticDir : undefined
  if (!staticDir) return undefined
  const dir = path.resolve(staticDir)
  const full = path.resolve(dir, file.filename)
  // `namedFile` already matched the name the document stores; this keeps a stored name with a
  // separator in it (none can be made through Payload) from ever leaving the directory.
  if (path.dirname(full) !== dir) return undefined
  try {
    return await fs.readFile(full)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined
    throw error
  }
}

/**
 * `GET /api/<media|video-assets>/signed/:token` — the one file a signed link names (see
 * src/lib/mediaLinks/token), for the networks that fetch a post's image themselves (Instagram
 * containers' `image_url` and Reels' `video_url`, Facebook `/{page-id}/photos` `url`). No login: the token is the
 * permission, and the consent is checked again at every fetch.
 */
export const signedFileEndpoint = (collection: SignedCollection): Endpoint => ({
  path: `/${SIGNED_FILE_SEGMENT}/:token`,
  method: 'get',
  handler: async (req) => {
    const now = Date.now()
    const claims = verifyMediaLink(
      req.routeParams?.token,
      mediaLinkKey(req.payload.config.secret, collection),
      now,
    )
    if (!claims) return notFound()
    try {
      const doc = await showableMedia(req, collection, claims.mediaId)
      const file = doc && namedFile(doc, claims.filename)
      const bytes = file && (await readUpload(req, collection, file))
      if (!file || !bytes) return notFound()
      return new Response(new Uint8Array(bytes), {
        status: 200,
        headers: {
          'Content-Type': file.mimeType,
          'Content-Length': String(bytes.length),
          // Private: no shared cache (a CDN in front of Carecast) may keep a patient photo, and the
          // fetcher's own copy goes stale when the link does.
          'Cache-Control': `private, max-age=${secondsLeft(claims, now)}`,
          'X-Content-Type-Options': 'nosniff',
          // An SVG opened from this URL runs nothing and loads nothing.
          'Content-Security-Policy': "default-src 'none'; sandbox",
          'Referrer-Policy': 'no-referrer',
        },
      })
    } catch (error) {
      req.payload.logger.error({ err: error }, 'signed media link: the file could not be served')
      return Response.json(
        { errors: [{ message: 'The file could not be served. Try again later.' }] },
        { status: 500, headers: { 'Cache-Control': 'no-store' } },
      )
    }
  },
})
