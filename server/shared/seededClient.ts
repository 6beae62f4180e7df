/**
 * The OAuth client the emulator seeds and the app server uses with it. The secret is public on
 * purpose: it only ever opens the emulator.
 */
export const SEEDED_CLIENT = {
  clientId: 'call-purpose-admin',
  clientSecret: 'emulator-secret-not-for-production',
  name: 'Call Purpose Admin',
} as const;
