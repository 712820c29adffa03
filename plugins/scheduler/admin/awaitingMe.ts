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
