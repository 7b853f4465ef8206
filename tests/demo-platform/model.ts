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
}

/** An app or shared access; timestamps in seconds; `deleted` set instead of removing it. */
export interface Access {
  id: string
  token: string
  type: 'app' | 'shared'
  name: string
  deviceName?: string
  permissions: Permission[]
  clientData?: Record<string, unknown>
  expires?: number
  created: number
  createdBy: string
  modified: number
  modifiedBy: string
  integrity: string
  deleted?: number
}

export interface User {
  username: string
  email: string
  password: string
  language: string
  mfa: { active: boolean; recoveryCodes: string[] }
  streams: Stream[]
  accesses: Access[]
  /** The personal access id behind each app id's sessions (Pryv keeps one per app id). */
  personalAccessIds: Record<string, string>
  /** What the registering app sent beside the credentials (absent for seeded accounts). */
  registration?: { appId: string; hosting: string; referer?: string }
}

/** A personal session opened by a login; it ends on logout or after 30 minutes unused. */
export interface Session {
  token: string
  username: string
  appId: string
  accessId: string
  expires: number
}

/** A login waiting for its SMS code. */
export interface MfaSession {
  mfaToken: string
  username: string
  appId: string
  code: string
  expires: number
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
