/** `npm run seed`: migrates, then creates whatever demo data is missing. Safe to run again. */
import { selectDatabase } from '../src/db/selectDatabase'
import { StartupError } from '../src/db/StartupError'
import { prepareDatabase } from '../src/runtime/prepareDatabase'

if (process.env.NODE_ENV === 'production') {
  console.error('The demo seed never runs in production.')
  process.exit(1)
}

const database = await selectDatabase({ join: true }).catch((error: unknown) => {
  console.error(
    error instanceof StartupError
      ? error.message
      : `Could not reach the database: ${String(error)}`,
  )
  process.exit(1)
})
process.env.DATABASE_URL = database.url
try {
  const { createdUsers, content } = await prepareDatabase({ production: false })
  console.log(
    `Seed done: ${createdUsers} demo accounts created; ${content?.campaigns} campaigns, ${content?.stories} stories, ` +
      `${content?.events} events and ${content?.consents} consent records in place.`,
  )
} finally {
  await database.stop()
}
