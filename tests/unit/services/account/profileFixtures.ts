import type { Connection } from 'pryv'

/** The Profile section's fixtures: alice's personal session, and the platform's answers it reads. */
export const connection = { endpoint: 'https://api.example.com/alice/', token: 'personal-token' } as Connection
export const tokenless = { endpoint: 'https://api.example.com/alice/', token: null } as unknown as Connection

/** The headers of a request with a JSON body and this Authorization. */
export function jsonHeaders(authorization: string) {
  return { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: authorization }
}

/** `account.get` of alice: one address, proven at registration. */
export const accountAnswer = JSON.stringify({
  account: {
    username: 'alice',
    language: 'en',
    emails: [{ value: 'alice@example.com', primary: true, status: 'verified', verificationMethod: 'registration' }],
    storageUsed: { dbDocuments: 100, attachedFiles: 0 },
  },
})

/** What the platform answers once the personal session ended. */
export const expiredAnswer = JSON.stringify({
  error: { id: 'invalid-access-token', message: 'Access session has expired.' },
})
