import type { CollectionConfig, FieldAccess, PayloadRequest, Where } from 'payload'

import { actorOf, relationId } from '../../scheduler'

import type { SanitizedConsentConfig } from '../defaults'

/** The worklist with Done / Undo above the list (a path from the host's import-map base directory). */
const TASKS_WORKLIST = '/plugins/consent/admin/TasksWorklist#TasksWorklist'

const userId = (req: PayloadRequest) => (req.user as { id?: number | string } | null)?.id

/**
 * Work a person must do because of a consent: take down what no API can (a network without
 * delete, print, broadcast), renew a consent content still relies on, or settle an edit the
 * consent does not cover. The owner and consent
 * officers see a task; ticking "done" stamps who and when, and unticking undoes it.
 */
export const consentTasksCollection = (config: SanitizedConsentConfig): CollectionConfig => {
  const managerField: FieldAccess = ({ req }) => config.canManage(req)
  const mineOrManaged = ({ req }: { req: PayloadRequest }): boolean | Where => {
    if (config.canManage(req)) return true
    const id = userId(req)
    return id === undefined ? false : { owner: { equals: id } }
  }
  return {
    slug: config.tasksSlug,
    labels: { singular: 'Consent task', plural: 'Consent tasks' },
    admin: {
      group: 'Compliance',
      useAsTitle: 'place',
      defaultColumns: ['kind', 'place', 'dueAt', 'owner', 'done'],
      description: 'Takedowns no API can do, and consents to renew.',
      components: {
        beforeList: [
          {
            path: TASKS_WORKLIST,
            clientProps: {
              tasks: config.tasksSlug,
              records: config.consentRecordsSlug,
              users: config.usersCollection,
            },
          },
        ],
      },
    },
    access: {
      read: mineOrManaged,
      update: mineOrManaged,
      // Created by the revocation cascade and the expiry sweep only.
      create: () => false,
      delete: () => false,
    },
    hooks: {
      beforeChange: [
        ({ data, originalDoc, req }) => {
          if (data.done && !originalDoc?.done)
            return { ...data, doneAt: new Date().toISOString(), doneBy: userId(req) ?? null }
          if (data.done === false && originalDoc?.done)
            return { ...data, doneAt: null, doneBy: null }
          return data
        },
      ],
      // Created by the cascade and the sweep, done and undone by people: each told to the host
      // with the operation's req, so it commits with the task.
      afterChange: [
        async ({ doc, previousDoc, operation, req }) => {
          const consentRecordId = relationId(doc.consentRecord) ?? ''
          const context = { payload: req.payload, req }
          if (operation === 'create')
            await config.onEvent(
              {
                type: 'consent-task.created',
                taskId: doc.id,
                kind: doc.kind,
                consentRecordId,
                ownerId: relationId(doc.owner) ?? null,
                dueAt: new Date(doc.dueAt).toISOString(),
              },
              context,
            )
          else if (Boolean(doc.done) !== Boolean(previousDoc?.done))
            await config.onEvent(
              {
                type: doc.done ? 'consent-task.done' : 'consent-task.reopened',
                taskId: doc.id,
                kind: String(doc.kind),
                consentRecordId,
                actor: actorOf(req),
              },
              context,
            )
          return doc
        },
      ],
    },
    fields: [
      {
        name: 'kind',
        type: 'select',
        required: true,
        // takedown: by hand, where no API can; renewal: a consent that content still relies on
        // runs out; review: an edit the consent does not cover took the web copy down.
        options: ['takedown', 'renewal', 'review'],
        access: { update: managerField },
      },
      // Which patient a task is about is for consent officers only.
      {
        name: 'consentRecord',
        type: 'relationship',
        relationTo: config.consentRecordsSlug,
        access: { read: managerField, update: () => false },
      },
      {
        name: 'publication',
        type: 'relationship',
        relationTo: config.publicationsSlug,
        access: { update: () => false },
      },
      { name: 'place', type: 'text', required: true, access: { update: managerField } },
      { name: 'instructions', type: 'textarea', access: { update: managerField } },
      {
        name: 'dueAt',
        type: 'date',
        required: true,
        index: true,
        admin: { date: { pickerAppearance: 'dayAndTime' } },
        access: { update: managerField },
      },
      {
        name: 'owner',
        type: 'relationship',
        relationTo: config.usersCollection,
        index: true,
        access: { update: managerField },
      },
      { name: 'done', type: 'checkbox', defaultValue: false, index: true },
      { name: 'doneAt', type: 'date', admin: { readOnly: true } },
      {
        name: 'doneBy',
        type: 'relationship',
        relationTo: config.usersCollection,
        admin: { readOnly: true },
      },
      { name: 'note', type: 'textarea', maxLength: 1000 },
    ],
  }
}
