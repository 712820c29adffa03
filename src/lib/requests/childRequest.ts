import type { PayloadRequest } from 'payload'

/**
 * A request for a nested Local API call that inherits everything from `req` (user, transaction,
 * context, data loader) but keeps its own locale. Payload's Local API writes the call's `locale`
 * onto the request it is given, so a hook that reads with `locale: 'all'` and passes `req`
 * switches the *outer* operation to 'all' too — which then stores every localized field
 * under a wrong locale (a Lexical body becomes a locale named "root"). Reads through a child
 * leave the outer request as it was.
 */
export const childRequest = (req: PayloadRequest): PayloadRequest =>
  Object.create(req) as PayloadRequest
