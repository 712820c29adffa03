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
