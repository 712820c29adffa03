/**
 * Whether `me` changed the post's copy, media, time or account (its `editors`): the server then
 * refuses my approval, so the inbox says so instead of offering the button. (The list can't leave
 * such posts out: a query on a has-many relation matches when any one editor does.)
 */
export const editedBy = (
  doc: { editors?: unknown[] | null },
  me: number | string | undefined,
): boolean =>
  me !== undefined &&
  (doc.editors ?? []).some(
    (person) =>
      String(person && typeof person === 'object' ? (person as { id?: unknown }).id : person) ===
      String(me),
  )

/**
 * Posts awaiting approval that `me` neither wrote nor sent: what the dashboard counts and the
 * approvals inbox lists, one filter for both. A post nobody is recorded on still counts (SQL's
 * <> skips NULL, hence `exists`).
 */
export const awaitingMe = (me: number | string) => ({
  and: [
    { state: { equals: 'awaiting-approval' } },
    { or: [{ createdBy: { not_equals: me } }, { createdBy: { exists: false } }] },
    { or: [{ submittedBy: { not_equals: me } }, { submittedBy: { exists: false } }] },
  ],
})
