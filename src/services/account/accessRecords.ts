import type { Connection } from 'pryv'
import type { Permission } from '@/services/accessState'
import { callApi } from '@/services/callApi'
import { asRecord, textOf } from '@/services/json'
import { consentDescription } from '@/services/permissionView'

export type AccessType = 'personal' | 'app' | 'shared'

/** Who an access was given to across platforms (`clientData.cmc.counterparty`), without its endpoint. */
export interface Party {
  username: string
  host: string
}

/** What a CMC data grant or invitation says of itself, every credential (endpoints, back channels) left out. */
export interface CmcMarks {
  role?: string
  kind?: string
  counterparty?: Party
  scopeStreamId?: string
  appCode?: string
}

/**
 * One access as the account area keeps it: copied field by field from what the platform answered, so its
 * `token`, its token-bearing `apiEndpoint` and anything else the page does not show never enter the page's state.
 */
export interface AccessRecord {
  id: string
  type: AccessType
  name: string
  deviceName?: string
  permissions: Permission[]
  created?: number
  createdBy?: string
  modified?: number
  lastUsed?: number
  expires?: number
  /** The app's consent message (`clientData['app-web-auth:description']`), markdown. */
  consentMessage?: string
  cmc?: CmcMarks
}

const accessTypes: readonly AccessType[] = ['personal', 'app', 'shared']
const permissionFields = ['streamId', 'level', 'defaultName', 'name', 'feature', 'setting'] as const

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** A permission's own words only: the fields a permission has, when they are text. */
function readPermission(value: unknown): Permission | null {
  const record = asRecord(value)
  if (!record) return null
  const permission: Permission = {}
  for (const field of permissionFields) {
    const text = textOf(record[field])
    if (text !== undefined) permission[field] = text
  }
  return Object.keys(permission).length > 0 ? permission : null
}

function readParty(value: unknown): Party | undefined {
  const record = asRecord(value)
  const username = textOf(record?.username)
  const host = textOf(record?.host)
  return username && host ? { username, host } : undefined
}

function readCmcMarks(clientData: Record<string, unknown> | undefined): CmcMarks | undefined {
  const cmc = asRecord(clientData?.cmc)
  if (!cmc) return undefined
  const marks: CmcMarks = {}
  const role = textOf(cmc.role)
  const kind = textOf(cmc.kind)
  const counterparty = readParty(cmc.counterparty)
  const scopeStreamId = textOf(cmc.scopeStreamId)
  const appCode = textOf(cmc.appCode)
  if (role) marks.role = role
  if (kind) marks.kind = kind
  if (counterparty) marks.counterparty = counterparty
  if (scopeStreamId) marks.scopeStreamId = scopeStreamId
  if (appCode) marks.appCode = appCode
  return marks
}

function withOptional<T extends object, K extends string, V>(target: T, key: K, value: V | undefined): T {
  if (value !== undefined) Object.assign(target, { [key]: value })
  return target
}

/** The account area's copy of one row of `accesses.get`, or null when it is not an access the page can show. */
export function readAccessRecord(value: unknown): AccessRecord | null {
  const row = asRecord(value)
  const id = textOf(row?.id)
  const type = accessTypes.find((known) => known === row?.type)
  if (!row || !id || !type) return null
  // Stryker disable next-line ArrayDeclaration: equivalent, a placeholder permission that is no object is dropped as an empty list is
  const permissions = Array.isArray(row.permissions) ? row.permissions : []
  const clientData = asRecord(row.clientData)
  const record: AccessRecord = {
    id,
    type,
    name: textOf(row.name) ?? id,
    permissions: permissions.map(readPermission).filter((permission) => permission !== null),
  }
  withOptional(record, 'deviceName', textOf(row.deviceName))
  withOptional(record, 'created', numberOf(row.created))
  withOptional(record, 'createdBy', textOf(row.createdBy))
  withOptional(record, 'modified', numberOf(row.modified))
  withOptional(record, 'lastUsed', numberOf(row.lastUsed))
  withOptional(record, 'expires', numberOf(row.expires))
  withOptional(record, 'consentMessage', consentDescription(clientData))
  return withOptional(record, 'cmc', readCmcMarks(clientData))
}

/** GET accesses (`accesses.get` with `includeExpired`): every access to the account, expired ones included, token-free. */
export async function loadAccesses(connection: Connection): Promise<AccessRecord[]> {
  const result = await callApi(connection, 'accesses.get', { includeExpired: true })
  // Stryker disable next-line ArrayDeclaration: equivalent, a placeholder row that is no object is dropped as an empty list is
  const rows = Array.isArray(result.accesses) ? result.accesses : []
  return rows.map(readAccessRecord).filter((record) => record !== null)
}
