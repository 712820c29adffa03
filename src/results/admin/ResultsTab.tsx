/**
 * The Results tab on a campaign (a document view, like the scheduler's Schedule tab). The report
 * is read in the browser as the signed-in person, so this half only says which campaign, and
 * where the host's API lives.
 */
import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import { ResultsView } from './ResultsView'

export const ResultsTab = ({ doc, initPageResult }: DocumentViewServerProps) => {
  const collection = initPageResult.collectionConfig?.slug
  if (!collection || !doc?.id)
    return (
      <Gutter>
        <p>Save the campaign first: its results appear once it has been published.</p>
      </Gutter>
    )
  return (
    <Gutter>
      <ResultsView
        id={doc.id as number | string}
        collection={collection}
        apiRoute={initPageResult.req.payload.config.routes.api}
      />
    </Gutter>
  )
}
