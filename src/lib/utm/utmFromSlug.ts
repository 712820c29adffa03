import { stripHealthTerms } from './findHealthTerm'

const MAX_LENGTH = 100

/**
 * The UTM tags a campaign's links get unless someone edits them: Carecast as the source, social
 * as the medium, and the slug without any health term as the campaign. The campaign is cut to
 * length before the terms are stripped, because a cut can turn a longer word into a term
 * ("diabetesfair" → "diabetes"); stripping only ever shortens it.
 */
export const utmFromSlug = (
  slug: string,
  terms: string[] = [],
): { source: string; medium: string; campaign: string } => {
  const cut = slug.trim().toLowerCase().slice(0, MAX_LENGTH)
  const campaign = stripHealthTerms(cut, terms).replace(/^[-_.~]+|[-_.~]+$/g, '')
  return { source: 'carecast', medium: 'social', campaign: campaign || 'campaign' }
}
