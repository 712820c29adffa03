import path from 'node:path'

import { dataDir } from './dataDir'

/**
 * Where a collection's uploaded files live: `<data dir>/uploads/<slug>`. Several web servers need
 * this on shared storage (or a Payload storage adapter).
 */
export const uploadDir = (slug: string): string => path.join(dataDir(), 'uploads', slug)
