import type { DocumentSerializer } from '../../plugins/scheduler'
import { defaultLocale } from '../localization'
import { publishable } from '../publishable'

/**
 * The public shape of a document, in every locale: an allow-list per collection
 * (./serializers, through the publishable table), so a field added later is private until
 * someone adds it there. The delivery store then parses it with the API's strict schemas, so a
 * field let through by mistake fails the publish instead of going public.
 */
export const serializeDocument: DocumentSerializer = async ({ collection, doc, payload }) => {
  const kind = publishable(collection)
  if (!kind) throw new Error(`${collection} is not published on the web`)
  const projection = await kind.serialize(payload, collection, doc)
  // The default locale's fields at the top too: a webhook receiver reads the document as it is,
  // with the other locales under `locales`; the delivery store reads only `locales`.
  return { ...(projection.locales[defaultLocale] as Record<string, unknown>), ...projection }
}
