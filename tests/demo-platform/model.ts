/** The data the demo platform keeps in memory, shaped as Pryv.io stores it. `expires` and `time` are epoch milliseconds; access timestamps are seconds, as in the API. */

export const permissionLevels = ['read', 'contribute', 'manage', 'create-only'] as const
export type PermissionLevel = (typeof permissionLevels)[number]

export interface StreamPermission {
  streamId: string
  level: PermissionLevel
  defaultName?: string
  name?: string
}

export interface FeaturePermission {
  feature: string
  setting: string
}

export type Permission = StreamPermission | FeaturePermission

export interface Stream {
  id: string
  name: string
  parentId: string | null
  /** A trashed stream is listed only with `state=all`; its events only with `state=all` too. */
  trashed?: boolean
}

/** What every stored access has; timestamps in seconds; `deleted` set instead of removing it. */
interface AccessRecord {
  id: string
  token: string
  name: string
  created: number
  createdBy: string
  modified: number
  modifiedBy: string
  integrity: string
  /** Set by the first authenticated call made with the token, then by each later one. */
  lastUsed?: number
  deleted?: number
}

/** An app or shared access. */
export interface Access extends AccessRecord {
  type: 'app' | 'shared'
  deviceName?: string
  permissions: Permission[]
  clientData?: Record<string, unknown>
  expires?: number
}

/** The access a login keeps for its app id (named after it); its token is the live session's, it has no permissions. */
export interface PersonalAccess extends AccessRecord {
  type: 'personal'
}

export type StoredAccess = Access | PersonalAccess

/** A webhook an app or shared access registered; gone with that access. */
export interface Webhook {
  id: string
  accessId: string
  url: string
  state: 'active'
  runCount: number
  failCount: number
  lastRun: { status: number; timestamp: number }
  runs: unknown[]
  created: number
  createdBy: string
  modified: number
  modifiedBy: string
  deleted?: number
}

export interface User {
  username: string
  email: string
  password: string
  language: string
  /** `content`: the profile fields given when MFA was switched on (the phone); absent for seeded MFA accounts. */
  mfa: { active: boolean; recoveryCodes: string[]; content?: Record<string, string> }
  streams: Stream[]
  accesses: StoredAccess[]
  webhooks: Webhook[]
  /** `profile/private` and `profile/public` fields the person stored (MFA's own part of the private one lives in `mfa`). */
  profile?: { private: Record<string, unknown>; public: Record<string, unknown> }
  /** What the registering app sent beside the credentials (absent for seeded accounts). */
  registration?: { appId: string; hosting: string; referer?: string }
}

/** A personal session opened by a login; it ends on logout or after 30 minutes unused. Its token is its personal access's. */
export interface Session {
  token: string
  username: string
  appId: string
  expires: number
}

/** A login (or, with `enrolment`, an MFA activation) waiting for its SMS code. */
export interface MfaSession {
  mfaToken: string
  username: string
  appId: string
  code: string
  expires: number
  /** The profile fields of an activation (`{ phone }`): stored on the account once its code is confirmed. */
  enrolment?: Record<string, string>
}

export interface ResetToken {
  username: string
  expires: number
  used: boolean
}

/** An auth request: its stored state (every field the app gave, merged with poll updates). */
export interface AuthRequest {
  key: string
  expires: number
  state: Record<string, unknown>
  history: unknown[]
}

export interface Mail {
  username: string
  email: string
  resetToken: string
  url: string
  time: number
}

export interface Sms {
  username: string
  code: string
  time: number
}

export interface RequestLogEntry {
  method: string
  path: string
  query: Record<string, string>
  origin: string | null
  time: number
}

export interface FaultRule {
  method?: string
  path: RegExp
  /** Tested against the raw query string (without "?"): one page of a paged read can fail alone. */
  query?: RegExp
  times: number
  status?: number
  body?: unknown
  nonJson?: boolean
  reset?: boolean
  delayMs?: number
}

/** A token handed to a caller, kept after it ends so tests can check it never leaked. */
export interface IssuedToken {
  kind: 'personal' | 'mfa'
  username: string
  token: string
}

export interface Faults {
  latencyMs: number
  rules: FaultRule[]
}

/** One entry of a user's audit log: an event in the audit store, filed under the access and the method. */
export interface AuditEntry {
  id: string
  streamIds: [string, string]
  type: 'audit-log/pryv-api' | 'audit-log/pryv-api-error'
  time: number
  content: {
    action: string
    query: Record<string, unknown>
    source: { ip: string; name: string }
    id?: string
    message?: string
  }
  created: number
  createdBy: 'system'
  modified: number
  modifiedBy: 'system'
}

/** What deleting a CMC data grant told (or could not tell) the requester. */
export interface CmcRevocation {
  /** The account the grant was deleted from. */
  username: string
  accessId: string
  requester: { username: string; host: string }
  /** False when the requester is not an account of this platform. */
  delivered: boolean
  /** The `consent/revoke-cmc` event put in the requester's inbox. */
  eventId: string | null
  content: Record<string, unknown>
  time: number
}
