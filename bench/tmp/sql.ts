import { claimDue } from '../../plugins/scheduler/dispatch/claim'
import { sanitizeSchedulerOptions } from '../../plugins/scheduler/defaults'
const config = sanitizeSchedulerOptions({ collections: ['campaigns'] } as never)
const pool = { query: async (text: string, values: unknown[]) => { console.log(text); console.error(JSON.stringify(values)); return { rows: [] } } }
await claimDue(pool as never, config, { workerId: 'x', limit: 100, leaseMs: 60000, now: new Date() })
