import { z } from 'zod'

import { DeliveryType, Locale } from './shared'

/**
 * What the host's serializer hands the web channel: the public fields of one document in each
 * locale, and the columns the delivery API filters and sorts on. The store adds what is the same
 * for every host (path, summary, JSON-LD, caption file addresses) and then parses the result with
 * the strict response schemas.
 */
export const ProjectionInput = z.object({
  type: DeliveryType,
  slug: z.string().min(1),
  /** Set by the host when the document must not go public (e.g. its consent is no longer in force): the publish fails with this reason. */
  withheld: z.string().optional(),
  /** Each locale's item fields; the serializer reads the document per locale, with fallback. */
  locales: z.record(Locale, z.record(z.string(), z.unknown())),
  index: z.object({
    /** Order of the list: newest first, events and campaigns by their start (ISO). */
    sortAt: z.string(),
    startsAt: z.string().nullable(),
    /** When the last occurrence ends; null for a series without end. Drives `from=`. */
    endsAt: z.string().nullable(),
    filters: z.object({
      campaigns: z.array(z.string()),
      serviceLines: z.array(z.string()),
      observance: z.string().nullable(),
    }),
  }),
  /** Slugs of related items to embed, per type: only those live on the web at publish time are. */
  related: z.partialRecord(DeliveryType, z.array(z.string())).optional(),
})
export type ProjectionInput = z.infer<typeof ProjectionInput>

/** A caption track as the serializer gives it: with the WebVTT text, which the store serves as a file. */
export type CaptionInput = { language: string; kind: string; label: string; vtt: string }
