import type { PayloadRequest } from 'payload'

/** A request's JSON body as an object; anything else (no body, not JSON) is an empty one. */
export const readBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  try {
    const body = req.json ? await req.json() : {}
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
