/** Every address the API hands out, in one place, so the router and the projection agree. */
export const deliveryPaths = (basePath: string) => ({
  item: (type: string, slug: string) => `${basePath}/${type}/${slug}`,
  caption: (type: string, slug: string, videoSlug: string, language: string) =>
    `${basePath}/${type}/${slug}/captions/${videoSlug}.${language}.vtt`,
  eventCalendar: (slug: string) => `${basePath}/events/${slug}.ics`,
})
export type DeliveryPaths = ReturnType<typeof deliveryPaths>
