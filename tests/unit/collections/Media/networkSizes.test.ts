import { describe, expect, it } from 'vitest'

import { namedFile } from '../../../../collections/Media/networkSizes'

const doc = {
  filename: 'maria.png',
  mimeType: 'image/png',
  sizes: {
    thumbnail: { filename: 'maria-320x320.png', mimeType: 'image/png' },
    card: { filename: 'maria-768x432.png', mimeType: 'image/png' },
    linkPreview: { filename: 'maria-1200x630.jpg', mimeType: 'image/jpeg' },
    square: { filename: 'maria-1080x1080.jpg', mimeType: 'image/jpeg' },
    portrait: { filename: 'maria-1080x1350.jpg' },
    // A size Payload did not cut (the original was smaller) is stored with null names.
    story: { filename: null, mimeType: null },
  },
}

describe('namedFile', () => {
  it('finds the original and the network sizes, each with its own type', () => {
    expect(namedFile(doc, 'maria.png')).toEqual({ filename: 'maria.png', mimeType: 'image/png' })
    expect(namedFile(doc, 'maria-1080x1080.jpg')).toEqual({
      filename: 'maria-1080x1080.jpg',
      mimeType: 'image/jpeg',
    })
    expect(namedFile(doc, 'maria-1200x630.jpg')?.mimeType).toBe('image/jpeg')
    // Without a type of its own, a size is served as the original's.
    expect(namedFile(doc, 'maria-1080x1350.jpg')?.mimeType).toBe('image/png')
  })

  it('does not open the sizes networks are never sent', () => {
    expect(namedFile(doc, 'maria-320x320.png')).toBeUndefined()
    expect(namedFile(doc, 'maria-768x432.png')).toBeUndefined()
  })

  it('matches only names the document stores, exactly', () => {
    for (const name of [
      '',
      'null',
      'other.png',
      'MARIA.PNG',
      '../maria.png',
      './maria.png',
      'maria.png/',
      '../../media/other.png',
    ])
      expect(namedFile(doc, name)).toBeUndefined()
    expect(namedFile({}, 'maria.png')).toBeUndefined()
    expect(namedFile({ filename: 'x.png' }, 'x.png')?.mimeType).toBe('application/octet-stream')
  })
})
