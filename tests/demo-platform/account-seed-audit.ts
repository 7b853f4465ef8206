import { day, hour } from './account-seed-rows.ts'
import { accountSeed } from './account-seed.ts'
import { auditEntry, auditPseudoAccess } from './audit-store.ts'
import type { AuditEntry, StoredAccess } from './model.ts'
import { cuidLike, pick, seededRandom, type Random } from './seeded-random.ts'

/** Who called what, how often, and when (epoch seconds): one line of the trail's plan. */
interface CallPlan {
  accessId: string
  count: number
  actions: readonly string[]
  /** Streams its `events.get` queries name. */
  streams: readonly string[]
  from: number
  to: number
}

const [imgMarkup, scriptMarkup] = accountSeed.auditMarkup

/** The failure a call of this kind gets; unknown streams carry the markup they were asked for, in the query and the message. */
function failure(random: Random, action: string): { query: Record<string, unknown>; id: string; message: string } {
  if (action === 'auth.login')
    return { query: {}, id: 'invalid-credentials', message: 'The given username/password pair is invalid.' }
  if (action === 'events.getOne') {
    const id = cuidLike(random)
    return { query: {}, id: 'unknown-resource', message: `Unknown event "${id}"` }
  }
  if (action === 'events.get' || action === 'streams.get')
    return {
      query: { streams: [imgMarkup] },
      id: 'unknown-referenced-resource',
      message: `Unknown referenced stream "${imgMarkup}"`,
    }
  return { query: {}, id: 'forbidden', message: 'You cannot access this resource using the given access token.' }
}

/** A successful call's URL query: REST calls carry theirs, batch calls (and bodies) leave `{}`. */
function successQuery(random: Random, caller: CallPlan, action: string): Record<string, unknown> {
  if (action === 'events.get' && random() < 0.7) {
    const query: Record<string, unknown> = {
      streams: [pick(random, caller.streams)],
      limit: pick(random, ['20', '100']),
    }
    if (random() < 0.04) query.types = [scriptMarkup]
    return query
  }
  if (action === 'accesses.get' && random() < 0.3) return { includeExpired: 'true' }
  return {}
}

function callerEntries(random: Random, caller: CallPlan): AuditEntry[] {
  const entries: AuditEntry[] = []
  for (let index = 0; index < caller.count; index++) {
    // The newest call is the access's `lastUsed`; the others fall anywhere in its life.
    const time = index === 0 ? caller.to : caller.from + random() * (caller.to - caller.from)
    const action = pick(random, caller.actions)
    const fails = caller.accessId === auditPseudoAccess.invalid || random() < 0.035
    const facts = { id: cuidLike(random), accessId: caller.accessId, methodId: action, time }
    if (!fails) {
      entries.push(auditEntry({ ...facts, query: successQuery(random, caller, action) }))
      continue
    }
    const { query, ...error } = failure(random, action)
    entries.push(auditEntry({ ...facts, query }, error))
  }
  return entries
}

const ids = accountSeed.accessIds

/** How many calls each access made, and which: `seed-app-diary` and `seed-app-backup` the busiest. */
const volumes: Record<string, { count: number; actions: readonly string[]; streams: readonly string[] }> = {
  [ids.appDiary]: {
    count: 130,
    actions: [
      'events.get',
      'events.get',
      'events.create',
      'events.getOne',
      'streams.get',
      'getAccessInfo',
      'accesses.get',
    ],
    streams: ['diary', 'health-bp'],
  },
  [ids.appBackup]: {
    count: 45,
    actions: ['events.get', 'events.get', 'streams.get'],
    streams: ['diary', 'health', 'sleep'],
  },
  [ids.personalWeb]: {
    count: 45,
    actions: ['accesses.get', 'streams.get', 'events.get', 'getAccessInfo'],
    streams: ['diary', 'health', 'sleep'],
  },
  [ids.personalMobile]: {
    count: 40,
    actions: ['events.get', 'events.create', 'events.getOne', 'streams.get'],
    streams: ['health-weight', 'sleep'],
  },
  [ids.diaryShare]: { count: 15, actions: ['events.get'], streams: ['diary'] },
  [ids.cmcGrant]: { count: 20, actions: ['events.get', 'events.create'], streams: ['health-weight'] },
  [ids.oauthGrant]: { count: 15, actions: ['events.get'], streams: ['sleep'] },
  [ids.sharedLink]: { count: 12, actions: ['events.get', 'streams.get'], streams: ['health'] },
  [ids.appExpired]: { count: 12, actions: ['events.create', 'events.get'], streams: ['health-weight'] },
  ...Object.fromEntries(ids.oauthSessions.map((id) => [id, { count: 8, actions: ['events.get'], streams: ['sleep'] }])),
}

/** Each seeded access's calls over the last 60 days (from its creation, up to its last use or expiry). */
function accessCallers(now: number, accesses: StoredAccess[]): CallPlan[] {
  return accesses.flatMap((access) => {
    const volume = volumes[access.id]
    if (!volume) return []
    const expires = access.type === 'personal' ? undefined : access.expires
    const to = access.lastUsed ?? Math.min(expires ?? now, now - hour)
    return [{ accessId: access.id, ...volume, from: Math.max(access.created, now - 60 * day), to }]
  })
}

/** The seeded account's audit log: about 400 entries over 60 days, about 5 % failed, oldest first. */
export function seededAuditTrail(now: number, accesses: StoredAccess[]): AuditEntry[] {
  const random = seededRandom(20260801)
  const logins = { actions: ['auth.login'], streams: [], from: now - 60 * day, to: now - 3 * day }
  const callers: CallPlan[] = [
    ...accessCallers(now, accesses),
    { accessId: auditPseudoAccess.validPassword, count: 40, ...logins },
    { accessId: auditPseudoAccess.invalid, count: 6, ...logins, to: now - 5 * day },
  ]
  return callers.flatMap((caller) => callerEntries(random, caller)).sort((a, b) => a.time - b.time)
}
