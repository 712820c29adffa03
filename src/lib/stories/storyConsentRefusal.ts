import { type ConsentView, whyNotInForce } from '../../../plugins/consent'

const list = (values: string[]) => (values.length ? values.join(', ') : 'none')

/**
 * Why a story can't be published on this consent, or null when it can: the consent must be in
 * force now (signed and complete, not revoked, not past its last day), allow patient stories, and
 * allow every use the story makes of the patient (its derived `consentUsesNeeded`). Linking a
 * record used to be enough, so a story could be published on a revoked or expired consent.
 */
export const storyConsentRefusal = (
  consent: ConsentView,
  usesNeeded: string[],
  purpose = 'patient-story',
): string | null => {
  const named = `consent record ${consent.reference}`
  if (consent.status !== 'active')
    return `${named} ${whyNotInForce(consent)}: a story can be published only while its consent is in force.`
  if (!consent.purposes.includes(purpose))
    return `${named} does not allow the purpose "${purpose}" (it allows: ${list(consent.purposes)}).`
  const missing = usesNeeded.filter((use) => !consent.usesAllowed.includes(use))
  if (missing.length)
    return `${named} does not allow ${missing.map((use) => `"${use}"`).join(', ')}, which the story uses (it allows: ${list(consent.usesAllowed)}).`
  return null
}
