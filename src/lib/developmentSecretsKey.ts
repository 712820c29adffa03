import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

type Env = Record<string, string | undefined>

/**
 * Outside production, a channel-account secrets key that `npm start` makes once and keeps in the
 * data directory (mode 600), so a new user can enter an access token in the admin without first
 * learning about CARECAST_SECRETS_KEY, and `npm run worker` decrypts with the same key. Production
 * must bring its own (the scheduler refuses to store a secret without one). Only `npm start`
 * creates the file (`create`); a worker reads it. Returns the key's origin for the start-up line,
 * or null when nothing was done.
 */
export const developmentSecretsKey = (
  dir: string,
  env: Env = process.env,
  { create = true }: { create?: boolean } = {},
): 'environment' | 'created' | 'kept' | null => {
  if (env.CARECAST_SECRETS_KEY) return 'environment'
  if (env.NODE_ENV === 'production') return null
  const file = path.join(dir, 'secrets.key')
  let origin: 'created' | 'kept' = 'kept'
  if (!fs.existsSync(file)) {
    // A worker only joins: with no key to read it must refuse, not encrypt with a key of its own.
    if (!create) return null
    fs.mkdirSync(dir, { recursive: true })
    // `wx`: two starting processes never write two different keys.
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' })
      origin = 'created'
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  env.CARECAST_SECRETS_KEY = fs.readFileSync(file, 'utf8').trim()
  return origin
}
