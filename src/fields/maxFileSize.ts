import type { CollectionBeforeOperationHook } from 'payload'

import { fileRefused } from './fileRefused'

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/**
 * Per-collection size limit under the global one (the global limit aborts the upload outright,
 * so nothing is ever truncated; this one gives the collection's own, smaller bound). Checked on
 * the bytes as uploaded, before Payload re-encodes an image and the size changes.
 */
export const maxFileSize =
  (bytes: number): CollectionBeforeOperationHook =>
  ({ args, operation, req, collection }) => {
    const size = req.file?.size
    if (
      (operation === 'create' || operation === 'update') &&
      typeof size === 'number' &&
      size > bytes
    ) {
      throw fileRefused(
        collection.slug,
        `The file is ${megabytes(size)}; the limit here is ${megabytes(bytes)}.`,
      )
    }
    return args
  }
