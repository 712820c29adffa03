'use client'
/**
 * The Schedule tab of a publishable document (issue 16, item 3): its publications with state and
 * live link, and "Add to channels" (its own component) to add more. Posts are saved as drafts as
 * the signed-in person; each then shows the consent gate's answer before it is
 * sent for approval. Every rule is the server's: this only calls the plugin's endpoints.
 */
import { useId, useState } from 'react'

import { AddToChannels, type DocumentImage } from './AddToChannels'
import { stateColours } from './calendarEvents'
import { channelLabel, networkName } from './networkName'
import { QueueMessage, type Outcome, styles } from './QueueParts'
import { postAction, messageOf, useList } from './useList'
import { when } from './when'

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

export const SchedulePanel = ({
  publications,
  accounts,
  collection,
  id,
  title,
  timeZone,
  images,
}: {
  publications: string
  accounts: string
  collection: string
  id: number | string
  title: string
  timeZone: string
  images: DocumentImage[]
}) => {
  const headingId = useId()
  const [reload, setReload] = useState(0)
  const [outcomes, setOutcomes] = useState<Outcome[]>([])
  const [gates, setGates] = useState<Record<number, Gate>>({})
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
          const gate = gates[post.id]
          return (
            <li key={post.id} style={styles.item}>
              <article aria-label={`${networkName(post.channel)}: ${post.title ?? post.id}`}>
                <strong>{channelLabel(post.channel, post.channelAccount)}</strong> ·{' '}
                {stateColours[post.state]?.label ?? post.state} · {when(post.dueAt, post.timeZone)}
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
      <AddToChannels
        publications={publications}
        accounts={accounts}
        collection={collection}
        id={id}
        title={title}
        timeZone={timeZone}
        images={images}
        onSaved={(done) => {
          setOutcomes(done)
          if (done.some((outcome) => outcome.ok)) setReload((n) => n + 1)
        }}
      />
    </section>
  )
}
