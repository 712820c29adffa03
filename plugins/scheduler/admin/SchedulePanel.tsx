'use client'
/**
 * The Schedule tab of a publishable document (issue 16, item 3): its publications with state and
 * live link, and "Add to channels" — accounts to pick (the website among them; an account that
 * can't send says why), the time in the document's zone, copy per network with the network's own
 * counter and a preview, the re-share rule as a plain choice that writes the RRULE. Posts are
 * saved as drafts as the signed-in person; each then shows the consent gate's answer before it is
 * sent for approval. Every rule is the server's: this only calls the plugin's endpoints.
 */
import { useEffect, useId, useState } from 'react'

import { missingCredential } from '../collections/channelAccounts/credentialsNeeded'
import { composeText, type CopyChannel, countCharacters } from '../lib/copyLimits'
import { fromWallTime } from '../lib/wallTime'
import { stateColours } from './calendarEvents'
import { networkName } from './networkName'
import { PostPreview } from './PostPreview'
import { QueueMessage, type Outcome, styles } from './QueueParts'
import { messageOf, postAction, useList } from './useList'
import { when } from './when'
import { repeatRule, type RepeatChoice } from './repeatRule'

type Account = {
  id: number
  name: string
  channel: string
  credentialsSet?: string
  characterLimit?: number
}
type Post = {
  id: number
  title?: string
  channel?: string
  channelAccount?: { name?: string } | number
  state: string
  dueAt: string
  timeZone?: string
  remoteUrl?: string | null
}
type Gate = { ok: boolean; message: string }

const input = {
  padding: '0.4em',
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 'var(--style-radius-s)',
  background: 'var(--theme-input-bg)',
  color: 'var(--theme-text)',
  font: 'inherit',
  maxWidth: '100%',
} as const
const column = { display: 'flex', flexDirection: 'column', gap: '0.25em' } as const

export const SchedulePanel = ({
  publications,
  accounts: accountsSlug,
  collection,
  id,
  title,
  timeZone,
}: {
  publications: string
  accounts: string
  collection: string
  id: number | string
  title: string
  timeZone: string
}) => {
  const headingId = useId()
  const [reload, setReload] = useState(0)
  const [accounts, setAccounts] = useState<Account[]>([])
  const [picked, setPicked] = useState<number[]>([])
  const [at, setAt] = useState('')
  const [copy, setCopy] = useState<Record<number, string>>({})
  const [link, setLink] = useState('')
  const [hashtags, setHashtags] = useState('')
  const [repeat, setRepeat] = useState<RepeatChoice>({ every: 'none', times: 6 })
  const [outcomes, setOutcomes] = useState<Outcome[]>([])
  const [gates, setGates] = useState<Record<number, Gate>>({})
  const [busy, setBusy] = useState(false)
  const { result, error } = useList<Post>(
    publications,
    {
      and: [
        { 'document.relationTo': { equals: collection } },
        { 'document.value': { equals: id } },
      ],
    },
    { reload, sort: 'dueAt', limit: 50 },
  )

  useEffect(() => {
    fetch(`/api/${accountsSlug}?limit=100&depth=0&sort=name`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs: Account[] }) => setAccounts(body.docs))
      .catch(() => setAccounts([]))
  }, [accountsSlug])

  const chosen = accounts.filter((account) => picked.includes(account.id))
  const tags = hashtags.split(/\s+/).filter(Boolean)

  const save = async () => {
    const problems: Outcome[] = []
    if (!chosen.length) problems.push({ ok: false, message: 'Channels: pick at least one.' })
    const dueAt = fromWallTime(at, timeZone)
    if (!dueAt) problems.push({ ok: false, message: `Time: give a date and time in ${timeZone}.` })
    if (problems.length) return setOutcomes(problems)
    setBusy(true)
    const done: Outcome[] = []
    for (const account of chosen) {
      try {
        const response = await fetch(`/api/${publications}`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            title,
            document: { relationTo: collection, value: id },
            channelAccount: account.id,
            dueAt: dueAt!.toISOString(),
            timeZone,
            text: copy[account.id] ?? '',
            link: link || undefined,
            hashtags: hashtags || undefined,
            repeat: repeatRule(repeat) ?? undefined,
            state: 'draft',
          }),
        })
        const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
        done.push({
          ok: response.ok,
          message: response.ok
            ? `${account.name}: saved as a draft. Check it below, then send it for approval.`
            : `${account.name}: ${messageOf(body) ?? `refused (HTTP ${response.status}).`}`,
        })
      } catch {
        done.push({ ok: false, message: `${account.name}: the server could not be reached.` })
      }
    }
    setOutcomes(done)
    setBusy(false)
    if (done.some((outcome) => outcome.ok)) {
      setPicked([])
      setReload((n) => n + 1)
    }
  }

  const check = async (post: Post) => {
    const response = await fetch(`/api/${publications}/${post.id}/gate`, {
      credentials: 'include',
    })
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
    setGates({
      ...gates,
      [post.id]: response.ok
        ? { ok: Boolean(body.ok), message: String(body.message) }
        : { ok: false, message: messageOf(body) ?? `Not checked (HTTP ${response.status}).` },
    })
  }

  const submit = async (post: Post) => {
    const answer = await postAction(publications, post.id, 'submit')
    setOutcomes([
      {
        ok: answer.ok,
        message: answer.ok
          ? `${post.title ?? 'The post'}: sent for approval.`
          : `${post.title ?? 'The post'}: ${answer.message}`,
      },
    ])
    setReload((n) => n + 1)
  }

  const posts = result?.docs ?? []
  return (
    <section aria-labelledby={headingId} style={styles.page}>
      <h2 id={headingId}>Schedule</h2>
      <p>
        Where and when this goes out. The website is a channel like the others: the document appears
        on the site when a Website post goes out, not when it is published here.
      </p>
      <QueueMessage outcomes={outcomes} error={error} />
      <h3>Its posts</h3>
      {result && !posts.length ? <p>Not scheduled anywhere yet.</p> : null}
      <ul style={styles.list} aria-label="Its posts">
        {posts.map((post) => {
          const account =
            post.channelAccount && typeof post.channelAccount === 'object'
              ? post.channelAccount.name
              : null
          const gate = gates[post.id]
          return (
            <li key={post.id} style={styles.item}>
              <article aria-label={`${networkName(post.channel)}: ${post.title ?? post.id}`}>
                <strong>
                  {networkName(post.channel)}
                  {account && account !== networkName(post.channel) ? ` (${account})` : ''}
                </strong>{' '}
                · {stateColours[post.state]?.label ?? post.state} ·{' '}
                {when(post.dueAt, post.timeZone)}
                {post.remoteUrl ? (
                  <>
                    {' '}
                    · <a href={post.remoteUrl}>live</a>
                  </>
                ) : null}{' '}
                · <a href={`/admin/collections/${publications}/${post.id}`}>open</a>
                {post.state === 'draft' ? (
                  <div style={styles.actions}>
                    <button
                      type="button"
                      className="btn btn--style-secondary btn--size-small"
                      onClick={() => check(post)}
                    >
                      Check before sending
                    </button>
                    <button
                      type="button"
                      className="btn btn--style-primary btn--size-small"
                      disabled={!gate?.ok}
                      onClick={() => submit(post)}
                    >
                      Send for approval
                    </button>
                  </div>
                ) : null}
                {gate ? <p role="status">{gate.message}</p> : null}
              </article>
            </li>
          )
        })}
      </ul>

      <h3>Add to channels</h3>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>Channels</legend>
        <ul style={styles.list}>
          {accounts.map((account) => {
            const why = missingCredential(account)
            return (
              <li key={account.id}>
                <label>
                  <input
                    type="checkbox"
                    disabled={Boolean(why)}
                    checked={picked.includes(account.id)}
                    onChange={(event) =>
                      setPicked(
                        event.target.checked
                          ? [...picked, account.id]
                          : picked.filter((one) => one !== account.id),
                      )
                    }
                  />{' '}
                  {account.name} ({networkName(account.channel)})
                </label>
                {why ? <span> — can't be chosen: {why}</span> : null}
              </li>
            )
          })}
        </ul>
      </fieldset>
      <div style={{ ...styles.actions, alignItems: 'stretch' }}>
        <label style={column}>
          When ({timeZone})
          <input
            type="datetime-local"
            value={at}
            onChange={(event) => setAt(event.target.value)}
            style={input}
          />
        </label>
        <label style={column}>
          Link
          <input value={link} onChange={(event) => setLink(event.target.value)} style={input} />
        </label>
        <label style={column}>
          Hashtags
          <input
            value={hashtags}
            onChange={(event) => setHashtags(event.target.value)}
            style={input}
          />
        </label>
        <label style={column}>
          Share again
          <select
            value={repeat.every}
            onChange={(event) =>
              setRepeat({ ...repeat, every: event.target.value as RepeatChoice['every'] })
            }
            style={input}
          >
            <option value="none">No, once</option>
            <option value="week">Every week</option>
            <option value="month">Every month</option>
          </select>
        </label>
        {repeat.every !== 'none' ? (
          <label style={column}>
            Times in all
            <input
              type="number"
              min={2}
              max={52}
              value={repeat.times}
              onChange={(event) => setRepeat({ ...repeat, times: Number(event.target.value) })}
              style={{ ...input, width: '6em' }}
            />
          </label>
        ) : null}
      </div>
      {chosen.map((account) => {
        const text = copy[account.id] ?? ''
        const composed = composeText({ text, link, hashtags: tags })
        const count = countCharacters(account.channel as CopyChannel, composed, {
          characterLimit: account.characterLimit,
        })
        const over = count.limit !== null && count.used > count.limit
        return (
          <div key={account.id} style={{ ...styles.item, display: 'grid', gap: '0.5em' }}>
            <label style={column}>
              Copy for {account.name} ({networkName(account.channel)})
              <textarea
                rows={3}
                value={text}
                onChange={(event) => setCopy({ ...copy, [account.id]: event.target.value })}
                style={input}
              />
            </label>
            <p aria-live="polite" style={{ margin: 0, fontWeight: over ? 600 : undefined }}>
              {count.limit === null
                ? `${count.used} characters`
                : `${count.used} of ${count.limit} ${count.unit}${over ? ` — ${count.used - count.limit} too many` : ''}`}
            </p>
            <PostPreview
              post={{ channel: account.channel, accountName: account.name, text, hashtags, link }}
            />
          </div>
        )
      })}
      <div style={styles.actions}>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          disabled={busy}
          onClick={save}
        >
          Save as drafts
        </button>
      </div>
    </section>
  )
}
