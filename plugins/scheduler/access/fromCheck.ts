import type { Access, PayloadRequest } from 'payload'

/**
 * The plugin is told who may do what as plain `(req) => boolean` checks (the host owns roles);
 * this adapts one check to Payload's collection-level access signature.
 */
export const accessFrom =
  (check: (req: PayloadRequest) => boolean): Access =>
  ({ req }) =>
    check(req)
