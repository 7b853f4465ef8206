import type { AccessRecord, Party } from './accessRecords'

/** The kinds of access a person meets in their account, each named and worded its own way. */
export type AccessKind = 'app' | 'oauth-client' | 'cmc-grant' | 'shared-link' | 'invitation' | 'personal'

/** The order the kinds are listed in: what acts on the data first, the person's own sessions last. */
export const accessKinds: readonly AccessKind[] = [
  'app',
  'oauth-client',
  'cmc-grant',
  'shared-link',
  'invitation',
  'personal',
]

/**
 * One thing the person gave access to, as the list shows it: an app with the accesses it created, an OAuth client
 * with its data grant and every session token, a CMC grant, a link, a personal session.
 */
export interface AccessGroup {
  kind: AccessKind
  /** The access the group is shown and opened by (an OAuth client's grant when it has one). */
  main: AccessRecord
  /** Every access the group stands for (an OAuth client's grant and session rows). */
  members: AccessRecord[]
  /** Accesses a member created (an app's shared sub-accesses), shown under it. */
  created: AccessRecord[]
  /** What the group is called: the app id, the OAuth client id, the link's name, the session's app id. */
  title: string
  /** The CMC requester (or the OAuth client's app account) the access was given to. */
  party?: Party
  /** True when every member has expired. */
  expired: boolean
  /** The page's own personal session. */
  own: boolean
  /** The latest use of any member, in seconds. */
  lastUsed?: number
}

const oauthSessionPrefix = 'oauth:'
const oauthScopePrefix = ':_cmc:apps:oauth:'

export function isExpired(record: AccessRecord, nowSeconds: number): boolean {
  return record.expires !== undefined && record.expires <= nowSeconds
}

/** The OAuth client a row belongs to: its session rows are named `oauth:<clientId>`, its grant's scope ends with it. */
function oauthClientOf(record: AccessRecord): string | undefined {
  if (record.type === 'app' && record.name.startsWith(oauthSessionPrefix))
    return record.name.slice(oauthSessionPrefix.length)
  const scope = record.cmc?.role === 'counterparty' ? record.cmc.scopeStreamId : undefined
  return scope?.startsWith(oauthScopePrefix) ? scope.slice(oauthScopePrefix.length) : undefined
}

/** A CMC capability the person published (an open invitation), by its kind, its role or its name. */
export function isInvitation(record: AccessRecord): boolean {
  return record.cmc?.kind === 'capability' || record.cmc?.role === 'capability' || record.name.startsWith('__cmc-cap-')
}

function kindOf(record: AccessRecord): AccessKind {
  if (record.type === 'personal') return 'personal'
  // Stryker disable next-line StringLiteral: unreachable, groupAccesses calls kindOf only for rows of no OAuth client
  if (oauthClientOf(record) !== undefined) return 'oauth-client'
  if (isInvitation(record)) return 'invitation'
  if (record.cmc?.role === 'counterparty') return 'cmc-grant'
  return record.type === 'app' ? 'app' : 'shared-link'
}

function latest(values: Array<number | undefined>): number | undefined {
  const known = values.filter((value) => value !== undefined)
  return known.length > 0 ? Math.max(...known) : undefined
}

function titleOf(kind: AccessKind, main: AccessRecord): string {
  if (kind === 'oauth-client') return oauthClientOf(main) ?? main.name
  // Stryker disable next-line OptionalChaining: a cmc-grant has cmc marks (its role made it one), so `cmc` is never undefined
  if (kind === 'cmc-grant' && main.cmc?.counterparty) return main.cmc.counterparty.username
  return main.name
}

function groupOf(
  kind: AccessKind,
  members: AccessRecord[],
  created: AccessRecord[],
  context: { ownId: string | null; nowSeconds: number },
): AccessGroup {
  // An OAuth client is shown by its grant, the consent itself; its session rows come and go.
  const main = members.find((member) => member.cmc?.role === 'counterparty') ?? members[0]
  // Stryker disable next-line StringLiteral: unreachable, every group is built from at least one access
  if (!main) throw new Error('a group has at least one member')
  const group: AccessGroup = {
    kind,
    main,
    members,
    created,
    title: titleOf(kind, main),
    expired: members.every((member) => isExpired(member, context.nowSeconds)),
    own: main.id === context.ownId,
  }
  const party = main.cmc?.counterparty
  if (party) group.party = party
  const lastUsed = latest(members.map((member) => member.lastUsed))
  if (lastUsed !== undefined) group.lastUsed = lastUsed
  return group
}

function byKindThenUse(a: AccessGroup, b: AccessGroup): number {
  return (
    accessKinds.indexOf(a.kind) - accessKinds.indexOf(b.kind) ||
    Number(b.own) - Number(a.own) ||
    (b.lastUsed ?? b.main.created ?? 0) - (a.lastUsed ?? a.main.created ?? 0)
  )
}

/** The accesses the given ones created, and those these created in turn (personal sessions create no sub-access here). */
function descendants(records: readonly AccessRecord[], roots: readonly AccessRecord[]): AccessRecord[] {
  const ids = new Set(roots.filter((root) => root.type !== 'personal').map((root) => root.id))
  const found: AccessRecord[] = []
  for (let grew = true; grew;) {
    const next = records.filter(
      (record) => record.createdBy !== undefined && ids.has(record.createdBy) && !ids.has(record.id),
    )
    next.forEach((record) => ids.add(record.id))
    found.push(...next)
    grew = next.length > 0
  }
  return found
}

/**
 * Every access of the account, grouped as the person thinks of them: OAuth rows under their client, accesses an app
 * created under that app (when the app is listed), everything else on its own; `ownId` marks the page's session.
 */
export function groupAccesses(
  records: readonly AccessRecord[],
  ownId: string | null,
  nowSeconds: number,
): AccessGroup[] {
  const context = { ownId, nowSeconds }
  const creators = new Set(records.filter((record) => record.type !== 'personal').map((record) => record.id))
  const isCreated = (record: AccessRecord) => record.createdBy !== undefined && creators.has(record.createdBy)
  const oauthClients = new Map<string, AccessRecord[]>()
  const groups: AccessGroup[] = []
  for (const record of records) {
    if (isCreated(record)) continue
    const clientId = oauthClientOf(record)
    if (clientId === undefined) groups.push(groupOf(kindOf(record), [record], descendants(records, [record]), context))
    else oauthClients.set(clientId, [...(oauthClients.get(clientId) ?? []), record])
  }
  for (const members of oauthClients.values()) {
    groups.push(groupOf('oauth-client', members, descendants(records, members), context))
  }
  return groups.sort(byKindThenUse)
}

/** The group an access belongs to (as its main access, a member or one it created), if it is listed. */
export function findGroup(groups: readonly AccessGroup[], accessId: string): AccessGroup | undefined {
  return groups.find(
    (group) =>
      group.members.some((member) => member.id === accessId) || group.created.some((record) => record.id === accessId),
  )
}

/** What made an access: the person signed in to an app (a personal session), an app, or the platform itself. */
export type AccessCreator = { by: 'session' | 'app'; name: string } | { by: 'platform' }

export function creatorOf(record: AccessRecord, records: readonly AccessRecord[]): AccessCreator | null {
  if (record.createdBy === 'system') return { by: 'platform' }
  const creator = records.find((candidate) => candidate.id === record.createdBy)
  if (!creator) return null
  return { by: creator.type === 'personal' ? 'session' : 'app', name: creator.name }
}
