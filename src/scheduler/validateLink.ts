import type { LinkValidator } from '../../plugins/scheduler'
import { findHealthTerm } from '../lib/utm/findHealthTerm'
import { healthTerms } from '../lib/utm/healthTerms'

/**
 * The campaign UTM guard (src/fields/utmGroup.ts), applied to a publication's own link: its query
 * string — UTM tags typed into the link, or any other parameter — ends up in analytics tools just
 * as the campaign's tags do, so it must not name a condition or diagnosis. The path is left alone:
 * `/services/cancer-care` is a public page of the hospital, not a fact about a person.
 */
export const validateLink: LinkValidator = async (link, { req }) => {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return null // the scheduler's own check has already said it is not a URL
  }
  if (!url.search) return null
  const values: Record<string, string> = {}
  for (const [key, value] of url.searchParams) values[key] = `${key} ${value}`
  const hit = findHealthTerm(values, await healthTerms(req))
  return hit
    ? `link: the query string's "${hit.field}" contains "${hit.term}", a condition or diagnosis term; query strings end up in analytics tools, so leave health terms out.`
    : null
}
