import { accountSeed } from './demoPlatform'
import { appUrl, platformUrl } from './urls'

/** A verification mail as the demo platform's outbox shows it. */
export interface VerifyMail {
  to: string
  username: string
  verifyLink: string
}

export interface AccountEmail {
  value: string
  primary: boolean
  status: 'pending' | 'verified'
  verifiedAt: number | null
  verificationMethod: string | null
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T
}

/** A personal session of the seeded account, as the account area would open it. */
async function signInSeedAccount(): Promise<string> {
  const { username, password } = accountSeed
  const response = await fetch(`${platformUrl}/${username}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: appUrl },
    body: JSON.stringify({ username, password, appId: 'test-verify-email' }),
  })
  return (await json<{ token: string }>(response)).token
}

/** The seeded account's addresses, through `account.get`. */
export async function accountEmails(): Promise<AccountEmail[]> {
  const token = await signInSeedAccount()
  const response = await fetch(`${platformUrl}/${accountSeed.username}/account`, { headers: { Authorization: token } })
  return (await json<{ account: { emails: AccountEmail[] } }>(response)).account.emails
}

/** Adds an address to the seeded account through `account.update`, then gives the link its mail carries. */
export async function addAddressAndReadLink(address: string): Promise<string> {
  const token = await signInSeedAccount()
  await fetch(`${platformUrl}/${accountSeed.username}/account`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: token },
    body: JSON.stringify({ emails: { add: [address] } }),
  })
  const mails = await json<VerifyMail[]>(await fetch(`${platformUrl}/_demo/email-outbox`))
  const mail = mails.filter((item) => item.to === address).at(-1)
  if (!mail) throw new Error(`no verification mail to ${address}`)
  return mail.verifyLink
}

/** The link with the account's username added, as an operator's mail template may write it. */
export function withUsername(link: string, username: string = accountSeed.username): string {
  const url = new URL(link)
  url.searchParams.set('username', username)
  return url.href
}

/** The verify-email calls the platform received. */
export async function verifyCalls(): Promise<number> {
  const log = await json<Array<{ method: string; path: string }>>(await fetch(`${platformUrl}/_demo/requests`))
  return log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/account/verify-email')).length
}
