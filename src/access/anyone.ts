import type { Access } from 'payload'

/** Public reference data (taxonomies): nothing personal, readable by all. */
export const anyone: Access = () => true
