/**
 * The Schedule tab on each publishable document (a document view the plugin adds to every
 * collection it schedules): the document's id, title, zone and images, handed to the client panel.
 * The images are read as the signed-in person, so the tab offers only what they may see.
 */
import { Gutter } from '@payloadcms/ui'
import type { CollectionSlug, DocumentViewServerProps, PayloadRequest } from 'payload'

import { schedulerConfigOf } from '../../index'
import type { DocumentImage } from '../AddToChannels'
import { imageFieldNames, uploadIds } from '../documentImages'
import { SchedulePanel } from '../SchedulePanel'

const imagesOf = async (
  req: PayloadRequest,
  fields: Parameters<typeof imageFieldNames>[0],
  doc: Record<string, unknown>,
  imageCollections: CollectionSlug[],
): Promise<DocumentImage[]> => {
  const ids = imageFieldNames(fields, imageCollections).flatMap((name) => uploadIds(doc[name]))
  if (!ids.length) return []
  const found = await Promise.all(
    imageCollections.map(async (slug) => {
      const { docs } = await req.payload.find({
        collection: slug,
        where: { id: { in: ids } },
        depth: 0,
        limit: ids.length,
        pagination: false,
        overrideAccess: false,
        user: req.user,
        req,
      })
      return docs.map((image) => {
        const { id, alt, url, filename, sizes } = image as unknown as Record<string, unknown>
        return {
          relationTo: slug,
          id: id as number | string,
          alt: typeof alt === 'string' ? alt : null,
          url: typeof url === 'string' ? url : null,
          filename: typeof filename === 'string' ? filename : null,
          sizes: (sizes as DocumentImage['sizes']) ?? undefined,
        }
      })
    }),
  )
  // The document's own order: a story's first photo is the one a single-image network sends.
  const all = found.flat()
  return ids.flatMap((id) => all.filter((image) => image.id === id))
}

export const ScheduleTab = async ({ doc, initPageResult }: DocumentViewServerProps) => {
  const { req } = initPageResult
  const config = schedulerConfigOf(req.payload)
  const collection = initPageResult.collectionConfig?.slug
  const useAsTitle = initPageResult.collectionConfig?.admin?.useAsTitle ?? 'id'
  if (!collection || !doc?.id)
    return (
      <Gutter>
        <p>Save the document first: then it can be scheduled.</p>
      </Gutter>
    )
  const images = await imagesOf(
    req,
    initPageResult.collectionConfig?.fields ?? [],
    doc,
    config.mediaCollections.filter((entry) => entry.kind === 'image').map((entry) => entry.slug),
  )
  return (
    <Gutter>
      <SchedulePanel
        publications={config.publicationsSlug}
        accounts={config.channelAccountsSlug}
        collection={collection}
        id={doc.id as number | string}
        title={String(doc[useAsTitle] ?? doc.title ?? '')}
        timeZone={
          typeof doc.timeZone === 'string' && doc.timeZone ? doc.timeZone : 'America/New_York'
        }
        images={images}
      />
    </Gutter>
  )
}
