import { readFile } from 'node:fs/promises'

import { readJson } from '../http'
import type { ChannelAccount, ChannelMedia } from '../../scheduler'
import {
  bearer,
  isRecord,
  JSON_BODY,
  linkedinFailure,
  linkedinUrl,
  localFailure,
  restHeaders,
  type Step,
} from './api'

type UploadTarget = { uploadUrl: string; image: string }

const uploadTarget = (body: unknown): UploadTarget | undefined => {
  const value = isRecord(body) ? body.value : undefined
  if (!isRecord(value) || typeof value.uploadUrl !== 'string' || typeof value.image !== 'string')
    return undefined
  return { uploadUrl: value.uploadUrl, image: value.image }
}

/**
 * Images API step 1: POST /rest/images?action=initializeUpload with
 * `{ initializeUploadRequest: { owner } }` answers `{ value: { uploadUrlExpiresAt, uploadUrl, image } }`.
 */
const initializeUpload = async (
  owner: string,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<Step<UploadTarget>> => {
  const response = await fetch(linkedinUrl(account, '/rest/images?action=initializeUpload'), {
    method: 'POST',
    headers: restHeaders(account, JSON_BODY),
    body: JSON.stringify({ initializeUploadRequest: { owner } }),
    signal,
  })
  if (!response.ok) return linkedinFailure(response)
  const target = uploadTarget(await readJson(response))
  return target
    ? { ok: true, value: target }
    : {
        ok: false,
        retryable: false,
        status: response.status,
        message: 'LinkedIn answered initializeUpload without an uploadUrl and image',
      }
}

/**
 * Step 2: PUT the raw bytes to the `uploadUrl` LinkedIn gave (a different host than the API, so it is
 * used as is, never rebuilt from baseUrl), with the Bearer token as in the docs' upload example.
 */
const putBytes = async (
  target: UploadTarget,
  bytes: Uint8Array<ArrayBuffer>,
  media: ChannelMedia,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<Step<string>> => {
  const response = await fetch(target.uploadUrl, {
    method: 'PUT',
    headers: { ...bearer(account), 'Content-Type': media.mimeType },
    body: bytes,
    signal,
  })
  if (!response.ok) return linkedinFailure(response)
  await response.arrayBuffer()
  return { ok: true, value: target.image }
}

/** Uploads one image owned by the post's author and returns its `urn:li:image:…` for `content`. */
export const uploadImage = async (
  media: ChannelMedia,
  owner: string,
  account: ChannelAccount,
  signal?: AbortSignal,
): Promise<Step<string>> => {
  if (!media.filePath) return localFailure('this image has no file on disk to upload to LinkedIn')
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = new Uint8Array(await readFile(media.filePath))
  } catch (error) {
    // A missing file will not appear by retrying the same publication.
    return localFailure(
      `cannot read the image file: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const target = await initializeUpload(owner, account, signal)
  return target.ok ? putBytes(target.value, bytes, media, account, signal) : target
}
