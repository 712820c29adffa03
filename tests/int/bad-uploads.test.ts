import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../src/slugs'
import { credentialsFor } from '../support/credentials'
import { pngBytes, uploadForm } from '../support/fixtures'
import { refusedIn } from '../support/refused'
import { startTestApp, type RestOptions, type TestApp } from '../support/testPayload'

// Small enough to test cheaply; the configured default is 500 MB.
process.env.UPLOAD_LIMIT_MB = '24'

/** Uploads that can't be taken: refused with the field and the problem, and no file kept. */
describe('bad input: a 400 naming the field and the problem, and nothing written', () => {
  let app: TestApp
  let marketer: RestOptions
  let officer: RestOptions

  beforeAll(async () => {
    app = await startTestApp('bad_uploads')
    const auth = await credentialsFor(app)
    marketer = auth.marketer
    officer = auth['consent-officer']
  })
  afterAll(async () => app?.close())

  const refused = (...args: Parameters<ReturnType<typeof refusedIn>>) => refusedIn(app)(...args)

  describe('uploads', () => {
    it('refuses a file whose bytes are not the image its name and type claim', async () => {
      const form = await uploadForm(
        { alt: 'Not an image' },
        {
          bytes: Buffer.from('just some text, not a PNG at all'),
          name: 'photo.png',
          type: 'image/png',
        },
      )
      await refused(
        slugs.media,
        () => app.rest('POST', `/${slugs.media}`, { ...marketer, form }),
        'file',
        /type|invalid/i,
      )
    })

    it('refuses an SVG that carries a script', async () => {
      const svg = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
      )
      const form = await uploadForm(
        { alt: 'Logo' },
        { bytes: svg, name: 'logo.svg', type: 'image/svg+xml' },
      )
      await refused(
        slugs.media,
        () => app.rest('POST', `/${slugs.media}`, { ...marketer, form }),
        'file',
        /svg|unsafe|script|type|invalid/i,
      )
    })

    it('refuses an image over the collection limit, whole (15 MB for images)', async () => {
      // Noise does not compress: about 17 MB of real PNG.
      const bytes = await sharp({
        create: {
          width: 2400,
          height: 2400,
          channels: 3,
          background: '#808080',
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .png({ compressionLevel: 0 })
        .toBuffer()
      expect(bytes.length).toBeGreaterThan(15 * 1024 * 1024)
      const form = await uploadForm(
        { alt: 'Too big' },
        { bytes, name: 'huge.png', type: 'image/png' },
      )
      await refused(
        slugs.media,
        () => app.rest('POST', `/${slugs.media}`, { ...marketer, form }),
        'file',
        /limit here is 15 MB/,
      )
    })

    it('refuses a file over the global upload limit with 413, before storing any of it', async () => {
      const bytes = Buffer.alloc(25 * 1024 * 1024, 7)
      const form = await uploadForm(
        { title: 'Too long' },
        { bytes, name: 'long.mp4', type: 'video/mp4' },
      )
      await refused(
        slugs.videoAssets,
        () => app.rest('POST', `/${slugs.videoAssets}`, { ...marketer, form }),
        'file',
        /larger than the 24 MB limit/,
        413,
      )
    })

    it('refuses a "video" that ffprobe cannot read as one, whatever its name says', async () => {
      const form = await uploadForm(
        { title: 'Fake clip' },
        { bytes: await pngBytes(), name: 'clip.mp4', type: 'video/mp4' },
      )
      await refused(
        slugs.videoAssets,
        () => app.rest('POST', `/${slugs.videoAssets}`, { ...marketer, form }),
        'file',
        /video|type|invalid/i,
      )
    })

    it('refuses a consent form that is neither a PDF nor an image', async () => {
      const form = await uploadForm(
        { description: 'Form' },
        { bytes: Buffer.from('#!/bin/sh\necho hi\n'), name: 'form.pdf', type: 'application/pdf' },
      )
      await refused(
        slugs.consentForms,
        () => app.rest('POST', `/${slugs.consentForms}`, { ...officer, form }),
        'file',
        /type|invalid/i,
      )
    })
  })
})
