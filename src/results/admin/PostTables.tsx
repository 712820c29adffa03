/**
 * The best and the worst posts (the report picks them: most and least engagement, then clicks),
 * each row naming what was posted, where, and a link to the live post to see why.
 */
import { type CSSProperties, useId } from 'react'

import type { PostResults } from '../types'
import { formatCount, formatDate, postsByIds } from './format'

const styles = {
  section: { marginTop: 'calc(var(--base) * 1.5)' },
  wrap: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: {
    padding: '0.375rem 0.75rem',
    borderBottom: '1px solid var(--theme-elevation-150)',
    textAlign: 'left',
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
} satisfies Record<string, CSSProperties>

const numberCell = { ...styles.cell, ...styles.number }

const PostTable = ({
  title,
  posts,
  empty,
}: {
  title: string
  posts: PostResults[]
  empty: string
}) => {
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} style={styles.section}>
      <h3 id={headingId}>{title}</h3>
      {posts.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div style={styles.wrap}>
          <table aria-labelledby={headingId} style={styles.table}>
            <thead>
              <tr>
                <th scope="col" style={styles.cell}>
                  Post
                </th>
                <th scope="col" style={styles.cell}>
                  Channel
                </th>
                <th scope="col" style={styles.cell}>
                  Account
                </th>
                <th scope="col" style={styles.cell}>
                  Published
                </th>
                <th scope="col" style={numberCell}>
                  Reach
                </th>
                <th scope="col" style={numberCell}>
                  Engagement
                </th>
                <th scope="col" style={numberCell}>
                  Clicks
                </th>
                <th scope="col" style={styles.cell}>
                  Live post
                </th>
              </tr>
            </thead>
            <tbody>
              {posts.map((post) => (
                <tr key={post.publication}>
                  <th scope="row" style={styles.cell}>
                    {post.document.title}
                  </th>
                  <td style={styles.cell}>{post.label}</td>
                  <td style={styles.cell}>{post.account ?? ''}</td>
                  <td style={styles.cell}>
                    {post.publishedAt ? formatDate(post.publishedAt) : 'Not published'}
                  </td>
                  <td style={numberCell}>{formatCount(post.reach)}</td>
                  <td style={numberCell}>{formatCount(post.engagement)}</td>
                  <td style={numberCell}>{formatCount(post.clicks)}</td>
                  <td style={styles.cell}>
                    {post.remoteUrl ? (
                      // "View" alone would be a dozen identical links to a screen reader.
                      <a
                        href={post.remoteUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        aria-label={`View "${post.document.title}" on ${post.label} (opens in a new tab)`}
                      >
                        View
                      </a>
                    ) : post.state === 'published' ? (
                      'No link'
                    ) : (
                      post.state
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export const PostTables = ({
  posts,
  best,
  worst,
}: {
  posts: PostResults[]
  best: number[]
  worst: number[]
}) => (
  <>
    <PostTable
      title="Best posts"
      posts={postsByIds(posts, best)}
      empty="No post has been measured yet."
    />
    <PostTable
      title="Worst posts"
      posts={postsByIds(posts, worst)}
      empty="No post has been measured yet."
    />
  </>
)
