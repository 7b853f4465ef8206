import type { Connection } from 'pryv'
import { AppError, type PlatformErrorMap } from '@/services/appError'
import { answerError, sendJson } from '@/services/http'
import { asRecord } from '@/services/json'
import type { Service } from '@/services/platform'
import { parseHttpUrl } from '@/services/safeUrl'
import { userHomeUrl } from '@/services/users'

// A refusal (`user-account.delete` without `personalToken`) answers 404 unknown-resource, like a route the platform lacks.
const deletionErrors: PlatformErrorMap = { 'unknown-resource': 'deletion-refused' }

/**
 * Where the platform serves `/users/{username}`: the account's API endpoint without its username's path segment
 * (DNS-less `http://host/alice/` gives `http://host/`); with the name in the host (`https://alice.pryv.me/`) the
 * endpoint is the root already.
 */
export function platformRoot(home: URL, username: string): URL {
  const root = new URL(home.origin + home.pathname)
  const segment = `${encodeURIComponent(username)}/`
  if (root.pathname.endsWith(`/${segment}`)) root.pathname = root.pathname.slice(0, -segment.length)
  return root
}

/**
 * DELETE {platform root}users/{username} with the account's personal token: the account and all its data are gone
 * (and its sessions with it). A platform that does not let accounts delete themselves throws `deletion-refused`.
 */
export async function deleteAccount(service: Service, connection: Connection, username: string): Promise<void> {
  const root = platformRoot(await userHomeUrl(service, username), username)
  const answer = await sendJson(new URL(`users/${encodeURIComponent(username)}`, root).href, {
    method: 'DELETE',
    authorization: connection.token ?? '',
  })
  if (!answer.ok) throw answerError(answer, deletionErrors)
  if (asRecord(asRecord(answer.body)?.userDeletion)?.username !== username) throw new AppError('unexpected-answer')
}

/** The confirmation asked before the deletion: the account's name typed exactly as shown (spaces around it aside). */
export function confirmsUsername(typed: string, username: string): boolean {
  return username !== '' && typed.trim() === username
}

/** Where to ask for a deletion the page does not offer: the service info's `support` and `terms`, web links only. */
export interface DeletionHelp {
  support: string | null
  terms: string | null
}

function webLink(value: unknown): string | null {
  return typeof value === 'string' ? (parseHttpUrl(value)?.href ?? null) : null
}

/** The help links of a service info (none when it is unknown). */
export function deletionHelp(info: { support?: unknown; terms?: unknown } | null): DeletionHelp {
  return { support: webLink(info?.support), terms: webLink(info?.terms) }
}
