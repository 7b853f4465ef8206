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
