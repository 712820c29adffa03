/** A LinkedIn error answer (Rest.li's shape): status, optional service error code and code, message. */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> }

export const error = (
  status: number,
  message: string,
  code?: string,
  serviceErrorCode?: number,
): Reply => ({
  status,
  body: {
    status,
    ...(serviceErrorCode !== undefined ? { serviceErrorCode } : {}),
    ...(code ? { code } : {}),
    message,
  },
})
