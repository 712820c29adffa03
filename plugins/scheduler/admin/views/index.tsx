/**
 * The scheduler's own admin pages, as Payload root views (`admin.components.views`): each is the
 * admin's default template (navigation, header) around one client component, handed the plugin's
 * slugs from its resolved config. Payload sends a signed-out visitor to the login first.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

import { schedulerConfigOf } from '../../index'
import { ApprovalsInbox } from '../ApprovalsInbox'
import { EditorialCalendar } from '../EditorialCalendar'
import { FailuresList } from '../FailuresList'

const Page = ({
  initPageResult,
  params,
  searchParams,
  children,
}: AdminViewServerProps & { children: ReactNode }) => {
  const { req, permissions, locale, visibleEntities } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      // Copied, not passed through: React 19 refuses Payload's frozen object here (as Payload's own root view does).
      visibleEntities={{
        collections: visibleEntities?.collections,
        globals: visibleEntities?.globals,
      }}
    >
      <Gutter>{children}</Gutter>
    </DefaultTemplate>
  )
}

const slugsOf = (props: AdminViewServerProps) => schedulerConfigOf(props.initPageResult.req.payload)

export const CalendarView = (props: AdminViewServerProps) => {
  const config = slugsOf(props)
  return (
    <Page {...props}>
      <EditorialCalendar
        collection={config.publicationsSlug}
        campaigns={config.campaignsCollection ?? null}
      />
    </Page>
  )
}

export const ApprovalsView = (props: AdminViewServerProps) => (
  <Page {...props}>
    <ApprovalsInbox collection={slugsOf(props).publicationsSlug} />
  </Page>
)

export const FailuresView = (props: AdminViewServerProps) => (
  <Page {...props}>
    <FailuresList collection={slugsOf(props).publicationsSlug} />
  </Page>
)
