/** Who asks, as every CMC page names them: a name for sentences, and the account on its platform as a detail. */
export interface RequesterNaming {
  requester: string
  /** `username@host`, when the platform told it. */
  requesterAccount?: string
}

/** The display name first, else the account's username, else `fallback`; the account beside it whenever known. */
export function nameRequester(
  parts: { displayName?: string; username?: string; host?: string },
  fallback: string,
): RequesterNaming {
  const { displayName, username, host } = parts
  const requester = displayName ?? username ?? fallback
  if (!username) return { requester }
  return { requester, requesterAccount: host ? `${username}@${host}` : username }
}

/**
 * The requester's display name as the person's account holds it: the name of the data grant, when the accept named it
 * after the requester (the app's `accessName`), less the ` (<last 8 characters of the accept's id>)` the platform adds
 * when that name was taken. None when the platform named the grant itself (`cmc:<app>:<user>@<host>`).
 */
export function grantRequesterName(name: string | undefined, acceptEventId: string | undefined): string | undefined {
  if (!name || name.startsWith('cmc:')) return undefined
  const suffix = acceptEventId ? ` (${acceptEventId.slice(-8)})` : ''
  const shown = suffix && name.endsWith(suffix) ? name.slice(0, -suffix.length) : name
  return shown.trim() || undefined
}
