/**
 * Links to the scheduler's pages in the admin's navigation, above the collections: where a
 * marketer, approver or consent officer starts the day.
 */
import type { ServerProps } from 'payload'

const links = [
  ['calendar', 'Calendar'],
  ['approvals', 'Approvals'],
  ['failures', 'Failed posts'],
] as const

export const SchedulerNav = ({ payload }: ServerProps) => {
  const admin = payload?.config.routes.admin ?? '/admin'
  return (
    <nav aria-label="Publishing" style={{ marginBottom: 'var(--base)' }}>
      {links.map(([path, label]) => (
        <a key={path} href={`${admin}/${path}`} className="nav__link" style={{ display: 'block' }}>
          <span className="nav__link-label">{label}</span>
        </a>
      ))}
    </nav>
  )
}
