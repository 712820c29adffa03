/** The write-only fields, and how the admin names them (no Node imports: the admin reads it too). */
export const secretFields = { accessToken: 'access token', secret: 'signing secret' } as const
export type SecretField = keyof typeof secretFields

/**
 * The admin form's inputs for them: Payload leaves a field the reader may not read out of the
 * form altogether, so each secret is typed into a virtual field that is never stored or read back.
 */
export const secretInputs: Record<SecretField, string> = {
  accessToken: 'enterAccessToken',
  secret: 'enterSecret',
}
