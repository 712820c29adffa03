/** A channel kind as people call the network (the webhook by what it reaches). */
const networkNames: Record<string, string> = {
  web: 'Website',
  x: 'X',
  mastodon: 'Mastodon',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  webhook: 'Partner sites (webhook)',
}
export const networkName = (channel?: string | null) =>
  networkNames[String(channel)] ?? String(channel ?? 'channel')

/** The account's name when the post was read with its account (depth 1), else null. */
export const accountNameOf = (account: unknown): string | null =>
  account && typeof account === 'object' && 'name' in account && typeof account.name === 'string'
    ? account.name
    : null

/** "X (Clinic on X)": the network, and the account when its name says more than the network's. */
export const channelLabel = (channel: string | null | undefined, account: unknown): string => {
  const name = accountNameOf(account)
  return name && name !== networkName(channel)
    ? `${networkName(channel)} (${name})`
    : networkName(channel)
}
