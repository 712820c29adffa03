/**
 * The Schedule tab on each publishable document (a document view the plugin adds to every
 * collection it schedules): the document's id, title and zone, handed to the client panel.
 */
import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import { schedulerConfigOf } from '../../index'
import { SchedulePanel } from '../SchedulePanel'

export const ScheduleTab = ({ doc, initPageResult }: DocumentViewServerProps) => {
  const config = schedulerConfigOf(initPageResult.req.payload)
  const collection = initPageResult.collectionConfig?.slug
  const useAsTitle = initPageResult.collectionConfig?.admin?.useAsTitle ?? 'id'
  if (!collection || !doc?.id)
    return (
      <Gutter>
        <p>Save the document first: then it can be scheduled.</p>
      </Gutter>
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
      />
    </Gutter>
  )
}
