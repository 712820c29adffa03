'use client'
/**
 * "Add to channels" on a document's Schedule tab: accounts to pick (the website among them; an
 * account that can't send says why), the time in the document's zone, copy per network with the
 * network's own counter and a preview, images picked from the document's own, and the re-share
 * rule as a plain choice that writes the RRULE. Each account gets its own draft post, saved as
 * the signed-in person; the server's validation answers for every field.
 */
import { useEffect, useState } from 'react'

import { missingCredential } from '../collections/channelAccounts/credentialsNeeded'
import { composeText, type CopyChannel, countCharacters } from '../lib/copyLimits'
import { fromWallTime } from '../lib/wallTime'
import { networkName } from './networkName'
import { PostPreview, type PreviewMedia } from './PostPreview'
import { type Outcome, styles } from './QueueParts'
import { messageOf } from './useList'
import { repeatRule, type RepeatChoice } from './repeatRule'

type Account = {
  id: number
  name: string
  channel: string
  credentialsSet?: string
  characterLimit?: number
}

/** One of the document's images, as the tab's server part read it. */
export type DocumentImage = PreviewMedia & {
  relationTo: string
  id: number | string
  filename?: string | null
}

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
const imageKey = (image: DocumentImage) => `${image.relationTo}:${image.id}`

export const AddToChannels = ({
  publications,
  accounts: accountsSlug,
  collection,
  id,
  title,
  timeZone,
  images,
  onSaved,
}: {
  publications: string
  accounts: string
  collection: string
  id: number | string
  title: string
  timeZone: string
  images: DocumentImage[]
  /** What each account's save did; called after every save, reloading the list when one worked. */
  onSaved: (outcomes: Outcome[]) => void
}) => {
  const [accounts, setAccounts] = useState<Account[]>([])
  const [picked, setPicked] = useState<number[]>([])
  const [pickedImages, setPickedImages] = useState<string[]>([])
  const [at, setAt] = useState('')
  const [copy, setCopy] = useState<Record<number, string>>({})
  const [link, setLink] = useState('')
  const [hashtags, setHashtags] = useState('')
  const [repeat, setRepeat] = useState<RepeatChoice>({ every: 'none', times: 6 })
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    fetch(`/api/${accountsSlug}?limit=100&depth=0&sort=name`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs: Account[] }) => setAccounts(body.docs))
      .catch(() => setAccounts([]))
  }, [accountsSlug])

  const chosen = accounts.filter((account) => picked.includes(account.id))
  // In the order the document holds them: the first is the one a single-image network sends.
  const media = images.filter((image) => pickedImages.includes(imageKey(image)))
  const tags = hashtags.split(/\s+/).filter(Boolean)

  const save = async () => {
    const problems: Outcome[] = []
    if (!chosen.length) problems.push({ ok: false, message: 'Channels: pick at least one.' })
    const dueAt = fromWallTime(at, timeZone)
    if (!dueAt) problems.push({ ok: false, message: `Time: give a date and time in ${timeZone}.` })
    if (problems.length) return onSaved(problems)
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
            media: media.length
              ? media.map((image) => ({ relationTo: image.relationTo, value: image.id }))
              : undefined,
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
    setBusy(false)
    if (done.some((outcome) => outcome.ok)) setPicked([])
    onSaved(done)
  }

  return (
    <>
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
      {images.length ? (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>Images from this document</legend>
          <ul style={{ ...styles.list, display: 'flex', flexWrap: 'wrap', gap: '0.75em' }}>
            {images.map((image) => {
              const key = imageKey(image)
              const thumbnail = image.sizes?.thumbnail?.url ?? image.url
              return (
                <li key={key}>
                  <label style={{ ...column, alignItems: 'flex-start' }}>
                    {thumbnail ? (
                      <img
                        src={thumbnail}
                        alt=""
                        style={{ width: '6rem', height: '6rem', objectFit: 'cover' }}
                      />
                    ) : null}
                    <span>
                      <input
                        type="checkbox"
                        checked={pickedImages.includes(key)}
                        onChange={(event) =>
                          setPickedImages(
                            event.target.checked
                              ? [...pickedImages, key]
                              : pickedImages.filter((one) => one !== key),
                          )
                        }
                      />{' '}
                      {image.alt || image.filename || `Image ${image.id}`}
                    </span>
                  </label>
                </li>
              )
            })}
          </ul>
        </fieldset>
      ) : (
        <p>This document has no images of its own to attach.</p>
      )}
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
              post={{
                channel: account.channel,
                accountName: account.name,
                title,
                text,
                hashtags,
                link,
                media,
              }}
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
    </>
  )
}
