/**
 * Turns what the postgres server printed before it died into one sentence a person can act on.
 * Pure so the wording is unit-tested without starting a server.
 */
export const explainPostgresLog = (log: string, ctx: { port: number; dataDir: string }): string => {
  if (/could not bind|Address already in use/i.test(log)) {
    return `Port ${ctx.port} is already in use, so the embedded Postgres could not start: free it or set EMBEDDED_POSTGRES_PORT to another port.`
  }
  const lock = /lock file "([^"]+)" already exists/i.exec(log)
  if (lock) {
    // Postgres clears a lock whose process is gone by itself, so this one's server is alive:
    // deleting the lock would let two servers write one cluster.
    return `Another Postgres is already using ${ctx.dataDir} (a Carecast running \`npm start\`?): stop it first, or set CARECAST_DATA_DIR to run a second one apart. \`npm run worker\` joins a running one by itself.`
  }
  if (/Permission denied/i.test(log)) {
    return `The embedded Postgres cannot write to ${ctx.dataDir}: give the user running Carecast (or "postgres" when run as root) write access to it.`
  }
  if (/database files are incompatible with server/i.test(log)) {
    return `${ctx.dataDir} was created by a different Postgres version: move it away to start afresh, or set DATABASE_URL to a server of that version.`
  }
  const fatal = /FATAL:\s*(.+)/.exec(log)
  return `The embedded Postgres could not start${fatal ? `: ${fatal[1].trim()}` : ''}.`
}
