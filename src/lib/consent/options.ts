/** What an authorization may allow: the uses of the patient's information, channels and purposes. */
export const consentUseOptions = [
  { value: 'name', label: 'Name' },
  { value: 'likeness', label: 'Face / likeness' },
  { value: 'voice', label: 'Voice' },
  { value: 'diagnosis', label: 'Diagnosis / condition' },
  { value: 'age', label: 'Age' },
  { value: 'hometown', label: 'Home town' },
]

export const consentChannelOptions = [
  { value: 'web', label: 'Website' },
  { value: 'facebook', label: 'Facebook' },
  { value: 'instagram', label: 'Instagram' },
  { value: 'x', label: 'X (Twitter)' },
  { value: 'linkedin', label: 'LinkedIn' },
  { value: 'mastodon', label: 'Mastodon' },
  { value: 'youtube', label: 'YouTube' },
  { value: 'email', label: 'Email' },
  { value: 'print', label: 'Print' },
  { value: 'broadcast', label: 'Broadcast (TV, radio)' },
  { value: 'paid-advertising', label: 'Paid advertising' },
]

export const consentPurposeOptions = [
  { value: 'awareness-campaign', label: 'Awareness campaign' },
  { value: 'patient-story', label: 'Patient story' },
  { value: 'community-event', label: 'Community event promotion' },
  { value: 'education', label: 'Health education' },
  { value: 'fundraising', label: 'Fundraising' },
]
