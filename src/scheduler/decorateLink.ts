import type { LinkDecorator } from '../../plugins/scheduler'
import { applyUtm, type UtmTags } from '../lib/utm/applyUtm'

/** A campaign has its own UTM tags; stories, events and videos borrow their campaign's. */
const utmOf = (doc: Record<string, unknown>): UtmTags | undefined => {
  if (doc.utm && typeof doc.utm === 'object') return doc.utm as UtmTags
  const campaign = (Array.isArray(doc.campaigns) ? doc.campaigns[0] : doc.campaign) as
    { utm?: UtmTags } | number | undefined
  return typeof campaign === 'object' && campaign ? campaign.utm : undefined
}

export const decorateLink: LinkDecorator = ({ link, doc, channel }) =>
  applyUtm(link, utmOf(doc), channel)
