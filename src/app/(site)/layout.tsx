import React from 'react'

// No icon file of its own: an empty one, so browsers don't ask for /favicon.ico and get a 404.
export const metadata = { title: 'Carecast example site', icons: { icon: 'data:,' } }

/** A separate root layout: the example site shares nothing with Payload's admin shell. */
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body
        style={{
          fontFamily: 'system-ui, sans-serif',
          maxWidth: 860,
          margin: '2rem auto',
          padding: '0 1rem',
          lineHeight: 1.5,
        }}
      >
        {children}
      </body>
    </html>
  )
}
