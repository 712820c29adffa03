import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { imageFieldNames, uploadIds } from '../../../../plugins/scheduler/admin/documentImages'

describe('imageFieldNames', () => {
  const fields: Field[] = [
    { name: 'title', type: 'text' },
    { name: 'heroImage', type: 'upload', relationTo: 'media' as never },
    { name: 'captions', type: 'upload', relationTo: 'caption-tracks' as never },
    {
      type: 'row',
      fields: [{ name: 'photos', type: 'upload', relationTo: 'media' as never, hasMany: true }],
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Layout only',
          fields: [{ name: 'inTab', type: 'upload', relationTo: ['files', 'media'] as never }],
        },
        {
          name: 'nested',
          fields: [{ name: 'hidden', type: 'upload', relationTo: 'media' as never }],
        },
      ],
    },
    {
      name: 'group',
      type: 'group',
      fields: [{ name: 'logo', type: 'upload', relationTo: 'media' as never }],
    },
  ]

  it('finds the top-level upload fields of image collections, through layout containers', () => {
    expect(imageFieldNames(fields, ['media'])).toEqual(['heroImage', 'photos', 'inTab'])
  })

  it('finds nothing when no collection holds images', () => {
    expect(imageFieldNames(fields, [])).toEqual([])
  })
})

describe('uploadIds', () => {
  it('reads ids, populated documents and lists of either', () => {
    expect(uploadIds(3)).toEqual([3])
    expect(uploadIds({ id: 4, url: '/x.jpg' })).toEqual([4])
    expect(uploadIds([5, { id: 'six' }, null, { url: 'no id' }])).toEqual([5, 'six'])
    expect(uploadIds(null)).toEqual([])
    expect(uploadIds(undefined)).toEqual([])
  })
})
