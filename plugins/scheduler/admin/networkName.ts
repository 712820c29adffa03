/** A channel kind as people call the network. */
const networkNames: Record<string, string> = {
  web: 'Website',
  x: 'X',
  mastodon: 'Mastodon',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  webhook: 'Webhook',
}
export const networkName = (channel?: string | null) =>
  networkNames[String(channel)] ?? String(channel ?? 'channel')
