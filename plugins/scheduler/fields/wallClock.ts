/**
 * A date field's admin that enters and shows its time in the document's own zone (the field at
 * `zoneField`), whatever the browser's: see admin/WallClockField. Exported so the host's own
 * scheduled documents (campaigns, events) use the same input as publications.
 */
export const wallClockAdmin = (zoneField = 'timeZone') => ({
  date: { pickerAppearance: 'dayAndTime' as const },
  components: {
    Field: {
      path: '/plugins/scheduler/admin/WallClockField#WallClockField',
      clientProps: { zoneField },
    },
  },
})
