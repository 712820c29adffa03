/** Environment variables as read here: any subset, so tests can pass exactly what they mean. */
type Env = Record<string, string | undefined>

import { StartupError } from '../db/StartupError'

// Only ever used outside production, where the demo logins are printed on the console anyway.
const DEVELOPMENT_SECRET = 'carecast-development-secret-do-not-use-in-production'

/** PAYLOAD_SECRET signs sessions and API keys: production must supply its own. */
export const payloadSecret = (env: Env = process.env): string => {
  if (env.PAYLOAD_SECRET) {
    if (env.NODE_ENV === 'production' && env.PAYLOAD_SECRET.length < 32) {
      throw new StartupError('PAYLOAD_SECRET must be at least 32 characters in production.')
    }
    return env.PAYLOAD_SECRET
  }
  // `next build` evaluates the config without serving anything; the real secret is checked at start.
  if (env.NEXT_PHASE === 'phase-production-build') return DEVELOPMENT_SECRET
  if (env.NODE_ENV === 'production') {
    throw new StartupError(
      'PAYLOAD_SECRET is required in production: set it to a long random string (e.g. `openssl rand -hex 32`).',
    )
  }
  return DEVELOPMENT_SECRET
}
