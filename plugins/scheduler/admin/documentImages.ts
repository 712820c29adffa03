/**
 * The images a document carries (a campaign's hero image, a story's photos, an event's image), so
 * the Schedule tab can offer them for a post: upload fields whose collection holds images, found
 * through the layout-only containers (rows, collapsibles, unnamed tabs) whose fields sit at the
 * document's top level. Named groups and tabs nest their data and are not searched: a picture
 * inside one is a part of something else, not the document's own.
 */
import type { Field } from 'payload'

export const imageFieldNames = (fields: Field[], imageCollections: string[]): string[] =>
  fields.flatMap((field): string[] => {
    if (field.type === 'upload') {
      const to = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
      return to.some((slug) => imageCollections.includes(slug)) ? [field.name] : []
    }
    if (field.type === 'row' || field.type === 'collapsible')
      return imageFieldNames(field.fields, imageCollections)
    if (field.type === 'tabs')
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name ? [] : imageFieldNames(tab.fields, imageCollections),
      )
    return []
  })

/** The ids an upload field's value holds: one id, a populated document, or a list of either. */
export const uploadIds = (value: unknown): (number | string)[] =>
  (Array.isArray(value) ? value : [value]).flatMap((item) => {
    if (typeof item === 'number' || typeof item === 'string') return [item]
    if (item && typeof item === 'object' && 'id' in item) {
      const id = (item as { id: unknown }).id
      return typeof id === 'number' || typeof id === 'string' ? [id] : []
    }
    return []
  })
