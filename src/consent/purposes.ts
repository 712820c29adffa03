import { slugs } from '../slugs'

/** The consent form's purpose each kind of content serves (src/lib/consent/options.ts). */
export const purposeOf: Record<string, string> = {
  [slugs.patientStories]: 'patient-story',
  [slugs.campaigns]: 'awareness-campaign',
  [slugs.communityEvents]: 'community-event',
  // A video of a patient published on its own tells their story.
  [slugs.videoAssets]: 'patient-story',
}
