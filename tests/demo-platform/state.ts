import type { HostingsTree } from './hostings.ts'
import { seedAccountArea } from './account-seed-state.ts'
import { seedExportAccounts } from './export-seed-state.ts'
import type {
  AuditEntry,
  AuthRequest,
  CmcRevocation,
  Faults,
  IssuedToken,
  Mail,
  MfaSession,
  RequestLogEntry,
  ResetToken,
  Session,
  Sms,
  User,
} from './model.ts'
import { seedUsers } from './seed.ts'

/** Fixed for the life of one platform. */
export interface PlatformConfig {
  /** `http://127.0.0.1:<port>`: the origin every URL the platform gives starts with. */
  origin: string
  authPageUrl: string
  passwordResetPageUrl: string
  /** Origins trusted to sign in, beside loopback ones. */
  trustedAppOrigins: string[]
  /** `auth.usernameChangeLimit`: how many times an account may change its username. */
  usernameChangeLimit: number
}

/** Everything `/_demo/reset` puts back to the seed. */
export interface PlatformState {
  users: Map<string, User>
  sessions: Map<string, Session>
  mfaSessions: Map<string, MfaSession>
  /** The names accounts had before a username change: each still leads to its account and is never free again. */
  aliases: Map<string, User>
  authRequests: Map<string, AuthRequest>
  resetTokens: Map<string, ResetToken>
  mails: Mail[]
  sms: Sms[]
  requestLog: RequestLogEntry[]
  /** Every personal and MFA token handed out, live or not. */
  issuedTokens: IssuedToken[]
  /** Each user's audit log, by username: a store apart from the events. */
  audit: Map<string, AuditEntry[]>
  /** What deleting CMC data grants told their requesters. */
  cmcRevocations: CmcRevocation[]
  faults: Faults
  /** What GET {register}hostings answers; null for the default single hosting. */
  hostings: HostingsTree | null
  /** False for a platform with `services.mfa.mode: disabled`: MFA calls then answer 503. */
  mfaEnabled: boolean
}

export interface Platform {
  config: PlatformConfig
  state: PlatformState
}

export function createState(config: PlatformConfig): PlatformState {
  const state: PlatformState = {
    users: seedUsers(),
    sessions: new Map(),
    mfaSessions: new Map(),
    aliases: new Map(),
    authRequests: new Map(),
    resetTokens: new Map(),
    mails: [],
    sms: [],
    requestLog: [],
    issuedTokens: [],
    audit: new Map(),
    cmcRevocations: [],
    faults: { latencyMs: 0, rules: [] },
    hostings: null,
    mfaEnabled: true,
  }
  seedAccountArea(state, config)
  seedExportAccounts(state)
  return state
}

export function resetState(platform: Platform): void {
  platform.state = createState(platform.config)
}

export function findUserByEmail(state: PlatformState, email: string): User | undefined {
  const wanted = email.toLowerCase()
  return [...state.users.values()].find((user) => user.email.toLowerCase() === wanted)
}

/** The account a name leads to: its current username, or a name it had before. */
export function userNamed(state: PlatformState, name: string): User | undefined {
  return state.users.get(name) ?? state.aliases.get(name)
}
