import type { CollectionConfig } from 'payload'

import { accessFrom } from '../../access/fromCheck'
import { nobody } from '../../access/nobody'
import type { SanitizedSchedulerConfig } from '../../defaults'
import { channelKinds } from '../../types'
import { defaultBaseUrls } from './defaultBaseUrls'
import { emitAccountChange, emitAccountDelete } from './hooks/emitAccountChange'
import { jsonTextAdmin, validateJsonObject } from '../../fields/jsonText'
import { connectionEndpoints } from '../../oauth/endpoints'
import { connectionFields } from './connectionFields'
import { credentialNeeded } from './credentialsNeeded'
import { encryptSecrets } from './hooks/encryptSecrets'
import { secretInputs } from './secretFields'
import { validateAccount } from './hooks/validateAccount'

const SECRET_INPUT = '/plugins/scheduler/admin/SecretInput#SecretInput'

/**
 * One destination with its credentials. Secrets are write-only: no API returns them (field read
 * access is `nobody`), they are stored AES-256-GCM encrypted, and only the dispatcher decrypts
 * them, just for the call.
 */
export const channelAccountsCollection = (config: SanitizedSchedulerConfig): CollectionConfig => ({
  slug: config.channelAccountsSlug,
  labels: { singular: 'Channel account', plural: 'Channel accounts' },
  admin: {
    group: config.adminGroup,
    useAsTitle: 'name',
    defaultColumns: ['name', 'channel', 'paused', 'credentialsSet', 'updatedAt'],
  },
  access: {
    read: accessFrom(config.canRead),
    create: accessFrom(config.canOperate),
    update: accessFrom(config.canOperate),
    delete: accessFrom(config.canOperate),
  },
  endpoints: connectionEndpoints(config, defaultBaseUrls),
  hooks: {
    beforeValidate: [validateAccount],
    beforeChange: [encryptSecrets(config)],
    afterChange: [emitAccountChange(config)],
    afterDelete: [emitAccountDelete(config)],
  },
  fields: [
    {
      // "Connect X account": the OAuth flow, the account's identity and whether it still works.
      name: 'connect',
      type: 'ui',
      admin: {
        components: {
          Field: {
            path: '/plugins/scheduler/admin/ConnectAccount#ConnectAccount',
            clientProps: { accounts: config.channelAccountsSlug },
          },
        },
      },
    },
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'channel', type: 'select', required: true, index: true, options: [...channelKinds] },
    {
      name: 'baseUrl',
      type: 'text',
      admin: {
        description: `API base URL. Left empty, the network's own: ${Object.entries(defaultBaseUrls)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}. Mastodon needs the instance URL.`,
      },
    },
    {
      name: 'externalId',
      type: 'text',
      admin: {
        description:
          'Facebook Page id, Instagram user id, LinkedIn author URN, X user id (for reconcile), YouTube channel id.',
      },
    },
    {
      name: 'url',
      type: 'text',
      admin: {
        description: 'Webhook: the receiver URL (https in production).',
        condition: (data) => data?.channel === 'webhook',
      },
    },
    { name: 'accessToken', type: 'text', access: { read: nobody }, admin: { hidden: true } },
    { name: 'secret', type: 'text', access: { read: nobody }, admin: { hidden: true } },
    {
      name: secretInputs.accessToken,
      label: 'Access token',
      type: 'text',
      virtual: true,
      admin: {
        components: { Field: SECRET_INPUT },
        description:
          "The network's access token for this account. Write-only: it is stored encrypted and never shown again; leave empty to keep the stored one.",
        condition: (data) => credentialNeeded(data?.channel) === 'accessToken',
      },
    },
    {
      name: secretInputs.secret,
      label: 'Signing secret',
      type: 'text',
      virtual: true,
      admin: {
        components: { Field: SECRET_INPUT },
        description:
          'The Standard Webhooks signing secret (whsec_…) the receiver checks. Write-only: stored encrypted, never shown again; leave empty to keep the stored one.',
        condition: (data) => credentialNeeded(data?.channel) === 'secret',
      },
    },
    ...connectionFields(config),
    {
      name: 'credentialsSet',
      type: 'text',
      admin: {
        readOnly: true,
        description:
          'Which secrets are stored (never their values). An account without the one its channel needs cannot be chosen for a post.',
      },
    },
    {
      name: 'characterLimit',
      type: 'number',
      min: 1,
      admin: {
        description: "Mastodon: the instance's character limit (500 unless it says otherwise).",
        condition: (data) => data?.channel === 'mastodon',
      },
    },
    {
      name: 'revalidateUrls',
      type: 'array',
      admin: {
        description: 'Web: front-end revalidation webhooks called after each publish or retract.',
        condition: (data) => data?.channel === 'web',
      },
      fields: [{ name: 'url', type: 'text', required: true }],
    },
    {
      name: 'settings',
      type: 'json',
      validate: validateJsonObject,
      admin: {
        ...jsonTextAdmin,
        description:
          'Network settings, e.g. {"linkedinVersion":"202601"}, {"visibility":"unlisted"}, {"graphVersion":"v23.0"}.',
      },
    },
    {
      name: 'paused',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: {
        position: 'sidebar',
        description:
          'No new post is sent to this account while paused; takedowns (revocations, unpublishes) still are.',
      },
    },
    {
      name: 'pausedReason',
      type: 'text',
      maxLength: 300,
      admin: { position: 'sidebar', condition: (data) => Boolean(data?.paused) },
    },
  ],
})
