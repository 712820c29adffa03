'use client'
/**
 * The takedown report as a page: what is on the website, then posts on each network, each with
 * where it stands and its link. Before a revocation every item says what the revocation will do to
 * it (the preview's outcome); after, how far it has come down (the report's progress).
 */
import { groupPublications } from './groupPublications'
import type { PreviewOutcome, ReportPublication } from './shapes'
import { styles } from './styles'
import { networkName } from '../../scheduler/exports/admin'
import { isDown, outcomeWords, progressWords, stateWord, when } from './words'

const Item = ({
  publication,
  outcome,
  heading: Heading,
}: {
  publication: ReportPublication
  outcome?: PreviewOutcome
  /** Website items sit under their part's heading, posts under their network's. */
  heading: 'h4' | 'h5'
}) => {
  const title = publication.title ?? `Publication ${publication.id}`
  return (
    <li style={styles.item}>
      <article aria-label={title}>
        <Heading style={styles.itemTitle}>{title}</Heading>
        <p style={styles.line}>
          {publication.account ?? networkName(publication.channel)}
          {outcome ? (
            <>
              {' '}
              · now <strong>{stateWord(publication.state)}</strong>
            </>
          ) : null}
          {publication.wentLiveAt ? ` · went live ${when(publication.wentLiveAt)}` : ''}
        </p>
        {outcome ? (
          <p style={styles.line}>Revoking: {outcomeWords[outcome]}</p>
        ) : (
          <p style={styles.line}>
            Progress:{' '}
            <strong style={isDown(publication.progress) ? styles.done : undefined}>
              {progressWords[publication.progress]}
            </strong>
            {publication.removedAt ? ` · ${when(publication.removedAt)}` : ''}
            {publication.removedBy ? ` · ${publication.removedBy}` : ''}
          </p>
        )}
        {publication.url ? (
          <p style={styles.line}>
            <a href={publication.url}>{publication.url}</a>
          </p>
        ) : null}
      </article>
    </li>
  )
}

export const TakedownItems = ({
  publications,
  outcomes,
}: {
  publications: ReportPublication[]
  /** Before a revocation: what it will do to each publication, by id. */
  outcomes?: Map<number, PreviewOutcome>
}) => {
  const { web, networks } = groupPublications(publications)
  return (
    <>
      <section aria-labelledby="takedown-web" style={styles.part}>
        <h3 id="takedown-web">On the website ({web.length})</h3>
        {web.length ? (
          <ul style={styles.list} aria-label="Website items">
            {web.map((publication) => (
              <Item
                heading="h4"
                key={publication.id}
                publication={publication}
                outcome={outcomes?.get(publication.id)}
              />
            ))}
          </ul>
        ) : (
          <p>Nothing on the website relies on this consent.</p>
        )}
      </section>
      <section aria-labelledby="takedown-social" style={styles.part}>
        <h3 id="takedown-social">
          Social posts ({networks.reduce((sum, group) => sum + group.posts.length, 0)})
        </h3>
        {networks.length ? null : <p>No post on a social network relies on this consent.</p>}
        {networks.map(({ channel, posts }) => (
          <section key={channel} aria-label={networkName(channel)}>
            <h4 style={styles.groupTitle}>
              {networkName(channel)} ({posts.length})
            </h4>
            <ul style={styles.list} aria-label={`${networkName(channel)} posts`}>
              {posts.map((publication) => (
                <Item
                  heading="h5"
                  key={publication.id}
                  publication={publication}
                  outcome={outcomes?.get(publication.id)}
                />
              ))}
            </ul>
          </section>
        ))}
      </section>
    </>
  )
}
