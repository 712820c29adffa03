import type { Payload } from 'payload'

import { absoluteUrl } from '../../plugins/scheduler'
import { mediaLinkKey, signMediaLink } from '../../src/lib/mediaLinks/token'
import { slugs } from '../../src/slugs'

/** Where signed links are served, under the Media collection's REST path (see ./endpoints/signedFile). */
export const SIGNED_FILE_SEGMENT = 'signed'

/**
 * An absolute URL that opens this one file of this media document until `expiresAt`, on the app's
 * public origin (`serverURL`, as every other media URL the scheduler hands a network); `undefined`
 * without one, since a network can't fetch a relative path.
 */
export const signedFileUrl = (
  payload: Payload,
  file: { mediaId: number; filename: string; expiresAt: number },
  collection: typeof slugs.media | typeof slugs.videoAssets = slugs.media,
): string | undefined => {
  const token = signMediaLink(file, mediaLinkKey(payload.config.secret, collection))
  return absoluteUrl(
    payload,
    `${payload.config.routes.api}/${collection}/${SIGNED_FILE_SEGMENT}/${token}`,
  )
}
