import type { User } from './model.ts'

/** The demo accounts, as `/_demo/reset` restores them. */
export const demoAccounts = [
  { username: 'demo-user', password: 'demo-password-1', email: 'demo-user@example.com', mfa: false },
  { username: 'mfa-user', password: 'mfa-password-1', email: 'mfa-user@example.com', mfa: true },
  { username: 'other-user', password: 'other-password-1', email: 'other-user@example.com', mfa: false },
  // An app account publishing CMC offers (a study asking people for their data).
  { username: 'demo-study', password: 'demo-study-password-1', email: 'demo-study@example.com', mfa: false },
] as const

const recoveryCodes = Array.from({ length: 10 }, (_, index) => `mfa-recovery-${String(index + 1).padStart(2, '0')}`)

export function seedUsers(): Map<string, User> {
  const users = new Map<string, User>()
  for (const account of demoAccounts) {
    users.set(account.username, {
      username: account.username,
      email: account.email,
      password: account.password,
      language: 'en',
      mfa: { active: account.mfa, recoveryCodes: account.mfa ? [...recoveryCodes] : [] },
      streams:
        account.username === 'demo-user'
          ? [
              { id: 'diary', name: 'Diary', parentId: null },
              { id: 'health', name: 'Health', parentId: null },
            ]
          : [],
      accesses: [],
      webhooks: [],
    })
  }
  return users
}
