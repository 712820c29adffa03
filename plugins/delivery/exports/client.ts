// The typed client for site front-ends, on its own entry so a front-end bundle takes the client
// and the response types without the server half (pg, Payload) of the plugin.
export * from '../client'
export type { DeliveryType } from '../schemas/shared'
