/**
 * The token keeper (issue 17, item 2): every minute, in every worker, each connected account whose
 * access token expires within the lead time is refreshed, and each not checked for a day is read
 * back once. A refresh happens in one worker at a time: the row is locked `FOR UPDATE SKIP LOCKED`
 * for the whole exchange, so a second worker skips it, and the lock is re-read inside, so an
 * account another worker has just refreshed is left alone. (X rotates refresh tokens: two workers
 * refreshing at once would have one of them use a token the other just spent, and lose it.)
 *
 * A refresh or check the network refuses for good (`invalid_grant`, a 401 with nothing to refresh
 * with) marks the account "reconnect needed" and tells its owner and the admins; its posts wait in
 * the outbox (the claim holds them back) and go out once it is connected again. A failure that may
 * pass (a timeout, a 5xx) is tried on the next tick.
 */
import type { Payload } from 'payload'

import type { SanitizedSchedulerConfig } from '../defaults'
import { poolOf, tableName } from '../../postgres'
import type { ChannelKind } from '../types'
import { connectedData, openedClient, seal, unseal } from './store'
import { apiBaseOf, endpointsFor, settingsOf } from './accountContext'
import { OAuthRefused } from './types'

const DAY = 86_400_000

export type KeeperOptions = {
  /** Refresh a token this long before it expires. @default 10 minutes */
  leadMs?: number
  /** Read each account back this often. @default a day */
  checkEveryMs?: number
  now?: () => Date
}

type Row = {
  id: number
  name: string
  channel: ChannelKind
  base_url: string | null
  access_token: string | null
  external_id: string | null
  refresh_token: string | null
  token_expires_at: Date | null
  owner_id: number | null
  oauth_client: { clientId?: string; clientSecret?: string } | null
  settings: Record<string, unknown> | null
}

export type KeeperTick = {
  refreshed: number
  checked: number
  reconnectNeeded: number
  skipped: number
}

export const runTokenKeeper = async (
  payload: Payload,
  config: SanitizedSchedulerConfig,
  defaultBaseUrls: Partial<Record<ChannelKind, string>>,
  options: KeeperOptions = {},
): Promise<KeeperTick> => {
  const tick: KeeperTick = { refreshed: 0, checked: 0, reconnectNeeded: 0, skipped: 0 }
  const oauth = config.oauth
  if (!oauth) return tick
  const now = options.now?.() ?? new Date()
  const leadMs = options.leadMs ?? 10 * 60_000
  const checkEveryMs = options.checkEveryMs ?? DAY
  const accounts = tableName(config.channelAccountsSlug)
  const pool = poolOf(payload)
  const { rows: due } = await pool.query<{ id: number }>(
    `SELECT id FROM "${accounts}"
      WHERE connection = 'connected'
        AND ((refresh_token IS NOT NULL AND token_expires_at < $1::timestamptz + ($2::int * interval '1 millisecond'))
          OR token_checked_at IS NULL OR token_checked_at < $1::timestamptz - ($3::bigint * interval '1 millisecond'))
      ORDER BY token_expires_at NULLS LAST`,
    [now, leadMs, checkEveryMs],
  )
  for (const { id } of due) {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const { rows } = await client.query<Row & { token_checked_at: Date | null }>(
        `SELECT id, name, channel::text AS channel, base_url, access_token, external_id, refresh_token, token_expires_at,
                token_checked_at, owner_id, oauth_client, settings
           FROM "${accounts}" WHERE id = $1 AND connection = 'connected' FOR UPDATE SKIP LOCKED`,
        [id],
      )
      const row = rows[0]
      const connector = row && oauth.connectors[row.channel]
      if (!row || !connector) {
        tick.skipped++
        await client.query('ROLLBACK')
        continue
      }
      const apiBaseUrl = apiBaseOf({ baseUrl: row.base_url, channel: row.channel }, defaultBaseUrls)
      const endpoints = endpointsFor(config, row.channel, apiBaseUrl)
      const registered = oauth.clients[row.channel]
      const appClient = openedClient(config, row.oauth_client) ?? registered
      const refreshToken = row.refresh_token
        ? unseal(config, 'refreshToken', row.refresh_token)
        : null
      const expiring =
        refreshToken !== null &&
        row.token_expires_at !== null &&
        row.token_expires_at.getTime() < now.getTime() + leadMs
      const write = async (data: Record<string, unknown>) => {
        const sets = Object.keys(data).map((key, index) => `"${key}" = $${index + 2}`)
        await client.query(
          `UPDATE "${accounts}" SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
          [row.id, ...Object.values(data)],
        )
      }
      const refresh = async () => {
        const tokens = await connector.refresh!({
          endpoints,
          client: appClient!,
          refreshToken: refreshToken!,
          now,
        })
        const data = connectedData(config, tokens, now, undefined, row.refresh_token)
        await write({
          access_token: seal(config, 'accessToken', data.accessToken),
          refresh_token: data.refreshToken,
          token_expires_at: data.tokenExpiresAt,
          token_checked_at: data.tokenCheckedAt,
          connection_problem: null,
        })
        tick.refreshed++
      }
      try {
        if (expiring && connector.refresh && appClient) await refresh()
        else {
          const accessToken = row.access_token
            ? unseal(config, 'accessToken', row.access_token)
            : ''
          try {
            const args = {
              apiBaseUrl,
              accessToken,
              externalId: row.external_id ?? undefined,
              settings: settingsOf(row),
            }
            if (connector.check) await connector.check(args)
            else await connector.identify(args)
            await write({ token_checked_at: now.toISOString() })
            tick.checked++
          } catch (error) {
            // A token the network stopped accepting early (revoked apps, a password change): a
            // refresh may still bring a working one.
            if (error instanceof OAuthRefused && refreshToken && connector.refresh && appClient)
              await refresh()
            else throw error
          }
        }
        await client.query('COMMIT')
      } catch (error) {
        if (!(error instanceof OAuthRefused)) {
          await client.query('ROLLBACK')
          payload.logger.warn({ err: error, account: row.id }, 'token keeper: will try again')
          continue
        }
        const problem = `the network refused the sign-in (${error.message}). Open the account and press Connect.`
        await write({ connection: 'reconnect-needed', connection_problem: problem.slice(0, 500) })
        await client.query('COMMIT')
        tick.reconnectNeeded++
        try {
          await config.onEvent(
            {
              type: 'channel-account.reconnect-needed',
              channelAccountId: row.id,
              name: row.name,
              channel: row.channel,
              actor: null,
              ownerId: row.owner_id,
              problem,
            },
            { payload },
          )
        } catch (notifyError) {
          payload.logger.error(
            { err: notifyError },
            'onEvent failed for channel-account.reconnect-needed',
          )
        }
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      payload.logger.error({ err: error, account: id }, 'token keeper failed')
    } finally {
      client.release()
    }
  }
  return tick
}

/** Runs the keeper every `everyMs` until stopped (each worker process runs one). */
export const startTokenKeeper = (
  payload: Payload,
  config: SanitizedSchedulerConfig,
  defaultBaseUrls: Partial<Record<ChannelKind, string>>,
  everyMs = 60_000,
) => {
  let stopped = false
  let running: Promise<unknown> = Promise.resolve()
  const tick = () => {
    if (stopped) return
    running = runTokenKeeper(payload, config, defaultBaseUrls).catch((error) =>
      payload.logger.error({ err: error }, 'token keeper failed'),
    )
  }
  tick()
  const timer = setInterval(tick, everyMs)
  return {
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
