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
