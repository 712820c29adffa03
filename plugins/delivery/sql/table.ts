/** Payload's Postgres adapter names a collection's table after its slug, with underscores. */
export const tableOf = (slug: string) => `"${slug.replace(/-/g, '_')}"`
