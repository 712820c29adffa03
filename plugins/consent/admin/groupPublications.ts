/**
 * The takedown page's two parts: what is on the website (the `web` channel, whose copy the
 * delivery API serves), and posts elsewhere, one group per network in the order each network
 * first appears (the report lists publications by due date).
 */
export const groupPublications = <T extends { channel: string }>(publications: T[]) => {
  const web = publications.filter((publication) => publication.channel === 'web')
  const networks = new Map<string, T[]>()
  for (const publication of publications) {
    if (publication.channel === 'web') continue
    networks.set(publication.channel, [...(networks.get(publication.channel) ?? []), publication])
  }
  return {
    web,
    networks: [...networks].map(([channel, posts]) => ({ channel, posts })),
  }
}
