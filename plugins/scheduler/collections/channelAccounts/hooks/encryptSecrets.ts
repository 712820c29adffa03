import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import type { SanitizedSchedulerConfig } from '../../../defaults'
import { encryptSecret, isEncrypted, parseSecretsKey } from '../../../lib/secrets'
import { type SecretField, secretFields, secretInputs } from '../secretFields'

/** Bound into each ciphertext, so a stored token can't be copied into another field and decrypt. */
export const secretAad = (field: SecretField): string => `channel-account:${field}`

/**
 * Encrypts a new secret before it is stored; an empty value keeps the stored one, because the
 * admin never receives the secret and so always sends the field back empty.
 */
export const encryptSecrets =
  (config: SanitizedSchedulerConfig): CollectionBeforeChangeHook =>
  ({ data, originalDoc, collection }) => {
    const stored: string[] = []
    for (const field of Object.keys(secretFields) as SecretField[]) {
      const typed: unknown = data[secretInputs[field]]
      delete data[secretInputs[field]]
      const direct = typeof data[field] === 'string' && data[field].trim() !== ''
      const incoming: unknown = direct ? data[field] : typed
      // Errors go where the person typed: the admin's input, or the API's own field.
      const path = direct ? field : secretInputs[field]
      if (typeof incoming === 'string' && incoming.trim() !== '') {
        const plain = incoming.trim()
        if (isEncrypted(plain)) {
          // Only the database's own value may look encrypted; refuse one typed in.
          if (plain !== originalDoc?.[field])
            throw new ValidationError({
              collection: collection.slug,
              errors: [
                {
                  path,
                  message: `${path}: give the secret itself, not an encrypted value.`,
                },
              ],
            })
        } else {
          let key: Buffer
          try {
            key = parseSecretsKey(process.env[config.secretsKeyEnv], config.secretsKeyEnv)
          } catch (error) {
            throw new ValidationError({
              collection: collection.slug,
              errors: [{ path, message: `${path}: can't be stored — ${(error as Error).message}` }],
            })
          }
          data[field] = encryptSecret(plain, key, secretAad(field))
        }
      } else {
        data[field] = originalDoc?.[field] ?? null
      }
      if (data[field]) stored.push(secretFields[field])
    }
    data.credentialsSet = stored.length ? stored.join(', ') : 'none'
    return data
  }
