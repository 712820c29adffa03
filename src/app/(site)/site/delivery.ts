import { deliveryClient } from '../../../../plugins/delivery/exports/client'
import { inProcessDeliveryHandler } from '../../../delivery/handler'
import { localeOr } from '../../../localization'

/**
 * The example site's client calls the delivery handler in-process: the same handler and bytes a
 * browser or CDN gets over HTTP, without a loopback request or knowing the server's own origin
 * at render time. A site hosted elsewhere passes its fetch and the API's URL instead.
 */
export const delivery = deliveryClient({
  baseUrl: 'http://in-process/delivery/v1',
  fetch: (request) => inProcessDeliveryHandler()(request),
})

export const readLocale = (value: string | string[] | undefined) => localeOr(value)
