/**
 * Every collection and global slug Carecast uses, in one place: the config, the seed,
 * the plugins' options and the tests all import from here, so a rename is one edit.
 */
export const slugs = {
  users: 'users',
} as const

export type CarecastSlug = (typeof slugs)[keyof typeof slugs]
