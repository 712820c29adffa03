/**
 * A Payload `where` as the bracketed query string its REST API and its admin list view both read
 * (`where[state][equals]=failed`, `where[and][0][dueAt][less_than]=…`), so a dashboard count and
 * the list it links to are the same query.
 */
export const whereQuery = (where: Record<string, unknown>, prefix = 'where'): string[] =>
  Object.entries(where).flatMap(([key, value]) => {
    const name = `${prefix}[${key}]`
    if (Array.isArray(value))
      return value.flatMap((item, index) =>
        typeof item === 'object' && item !== null
          ? whereQuery(item as Record<string, unknown>, `${name}[${index}]`)
          : [`${encodeURIComponent(`${name}[${index}]`)}=${encodeURIComponent(String(item))}`],
      )
    if (typeof value === 'object' && value !== null)
      return whereQuery(value as Record<string, unknown>, name)
    return [`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`]
  })
