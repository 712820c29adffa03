import type { UIField } from 'payload'

const DIR = '/src/fields/draftWarnings'

/** The draft check at the top of a drafts-enabled collection's form. */
export const draftCheckField: UIField = {
  name: 'draftCheck',
  type: 'ui',
  admin: { components: { Field: `${DIR}/DraftCheck#DraftCheck` } },
}

/**
 * A validated field's admin with its draft warning under the input (`afterInput`), keeping
 * whatever components it has already.
 */
export const withDraftWarning = <A extends object>(admin: A = {} as A) => ({
  ...admin,
  components: {
    ...(admin as { components?: object }).components,
    afterInput: [`${DIR}/DraftWarning#DraftWarning`],
  },
})
