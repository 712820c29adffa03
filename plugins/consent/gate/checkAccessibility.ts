import type { AccessibilityNeeds } from '../types'

/** Channels whose video players show caption tracks (WCAG 2.1 SC 1.2.2 applies to what we host there). */
const CAPTIONED_CHANNELS = new Set(['web', 'youtube'])

/**
 * Accessibility is a gate too: a video needs captions in every language it is published in on
 * the web and YouTube, and no image goes out without alt text. The first problem, or null.
 */
export const checkAccessibility = (
  channel: string,
  needs: AccessibilityNeeds,
): { field: string; message: string } | null => {
  if (CAPTIONED_CHANNELS.has(channel)) {
    for (const video of needs.videos) {
      const missing = needs.languages.filter(
        (language) => !video.captionLanguages.includes(language),
      )
      if (missing.length) {
        return {
          field: 'media',
          message: `${video.what} has no captions in ${missing.join(', ')}; a video published on ${channel} needs captions in each language it is published in (WCAG 2.1, 1.2.2).`,
        }
      }
    }
  }
  const bare = needs.images.find((image) => !image.alt || !image.alt.trim())
  return bare
    ? { field: 'media', message: `${bare.what} has no alt text; add it before the image goes out.` }
    : null
}
