import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { secretInputs } from '../secretFields'

const isHttpUrl = (value: unknown): boolean => {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** The settings each network can't do without, checked before anything is stored. */
export const validateAccount: CollectionBeforeValidateHook = ({
  data,
  originalDoc,
  collection,
}) => {
  const merged = { ...originalDoc, ...data } as Record<string, unknown>
  const errors: { path: string; message: string }[] = []
  if (merged.baseUrl && !isHttpUrl(merged.baseUrl))
    errors.push({ path: 'baseUrl', message: 'baseUrl must be an http(s) URL.' })
  if (merged.channel === 'mastodon' && !isHttpUrl(merged.baseUrl))
    errors.push({
      path: 'baseUrl',
      message:
        'A Mastodon account needs its instance URL in baseUrl (e.g. https://mastodon.social).',
    })
  if (merged.channel === 'webhook' && !isHttpUrl(merged.url))
    errors.push({
      path: 'url',
      message: 'A webhook account needs the receiver URL (http or https).',
    })
  // Typed into the admin's write-only input, or sent as `secret` by an API client.
  const secretPath = data?.[secretInputs.secret] ? secretInputs.secret : 'secret'
  const secret: unknown = data?.[secretPath]
  if (
    merged.channel === 'webhook' &&
    typeof secret === 'string' &&
    secret &&
    secret !== originalDoc?.secret &&
    !/^whsec_[A-Za-z0-9+/=]+$/.test(secret.trim())
  ) {
    errors.push({
      path: secretPath,
      message: 'The webhook secret must look like whsec_ followed by base64.',
    })
  }
  for (const entry of (merged.revalidateUrls as { url?: unknown }[] | undefined) ?? []) {
    if (!isHttpUrl(entry?.url))
      errors.push({
        path: 'revalidateUrls',
        message: `"${String(entry?.url)}" is not an http(s) URL.`,
      })
  }
  if (
    merged.settings !== undefined &&
    merged.settings !== null &&
    (typeof merged.settings !== 'object' || Array.isArray(merged.settings))
  ) {
    errors.push({ path: 'settings', message: 'settings must be a JSON object.' })
  }
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors })
  return data
}
