/** What the takedown report and its preview answer (endpoints/), as the admin pages read them. */
import type { TakedownProgress } from '../endpoints/takedownProgress'

export type { TakedownProgress }

export type ReportPublication = {
  id: number
  title: string | null
  channel: string
  account: string | null
  state: string
  wentLiveAt: string | null
  removedAt: string | null
  removedBy: string | null
  stillLive: boolean
  url: string | null
  progress: TakedownProgress
}

export type ReportTask = {
  id: number
  kind: string
  place: string
  instructions: string | null
  publication: number | null
  dueAt: string
  ownerName: string | null
  done: boolean
  doneAt: string | null
  doneByName: string | null
}

export type TakedownReport = {
  consentRecord: { id: number; reference: string; status: string; revokedAt: string | null }
  publications: ReportPublication[]
  manualTasks: ReportTask[]
}

export type PreviewOutcome =
  'cancel' | 'remove-from-site' | 'delete-through-api' | 'by-hand' | 'nothing'

export type TakedownPreview = {
  publications: { id: number; outcome: PreviewOutcome }[]
  tasks: {
    place: string
    instructions: string
    dueAt: string
    publication: number | null
    owner: string | null
  }[]
  total: number
}
