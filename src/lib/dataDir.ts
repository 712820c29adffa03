import path from 'node:path'

/**
 * Where Carecast keeps its local state (embedded Postgres cluster, uploads, generated seed assets):
 * `$CARECAST_DATA_DIR`, else `<root>/.data` — outside the source tree and git.
 */
export const dataDir = (
  env: Record<string, string | undefined> = process.env,
  root: string = process.cwd(),
): string =>
  env.CARECAST_DATA_DIR ? path.resolve(env.CARECAST_DATA_DIR) : path.join(root, '.data')
