import type { Access, FieldAccess, PayloadRequest } from 'payload'

/**
 * The plugin is told who may do what as plain `(req) => boolean` checks (the host owns roles);
 * these adapt one check to Payload's collection- and field-level access signatures.
 */
export const accessFrom =
  (check: (req: PayloadRequest) => boolean): Access =>
  ({ req }) =>
    check(req)

export const fieldAccessFrom =
  (check: (req: PayloadRequest) => boolean): FieldAccess =>
  ({ req }) =>
    check(req)
