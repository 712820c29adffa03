import type { Migration } from 'payload'

import { migrations } from '../migrations'

/**
 * The generated migrations, typed as `payload.db.migrate` takes them. The generated index types each
 * `up` with its adapter-specific argument, which TypeScript won't accept where Payload's generic
 * `(args: unknown) => …` is expected; the runtime contract is the same.
 */
export const committedMigrations = migrations as unknown as Migration[]
