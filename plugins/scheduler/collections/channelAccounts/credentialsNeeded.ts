import type { Where } from 'payload'

import { type SecretField, secretFields } from './secretFields'

/**
 * The secret an account of each channel can't send without: the website needs none (it is
 * Carecast's own), a webhook signs with its secret, every network takes an access token.
 */
export const credentialNeeded = (channel: unknown): SecretField | null =>
  channel === 'web' ? null : channel === 'webhook' ? 'secret' : 'accessToken'

/** Why an account can't be chosen yet, or null when it can (`credentialsSet` names what is stored). */
export const missingCredential = (account: {
  name?: unknown
  channel?: unknown
  credentialsSet?: unknown
}): string | null => {
  const needed = credentialNeeded(account.channel)
  if (!needed) return null
  const label = secretFields[needed]
  if (String(account.credentialsSet ?? '').includes(label)) return null
  return `"${String(account.name)}" has no ${label} yet, so nothing can be sent to it; an approver or admin enters one on the channel account first.`
}

/** The accounts a publication may choose: those `missingCredential` lets through, as a `where`. */
export const accountsThatCanSend: Where = {
  or: [
    { channel: { equals: 'web' } },
    {
      and: [
        { channel: { equals: 'webhook' } },
        { credentialsSet: { contains: secretFields.secret } },
      ],
    },
    {
      and: [
        { channel: { not_in: ['web', 'webhook'] } },
        { credentialsSet: { contains: secretFields.accessToken } },
      ],
    },
  ],
}
