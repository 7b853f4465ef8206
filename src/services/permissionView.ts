import type { Permission } from './accessState'

export const knownLevels = ['read', 'contribute', 'manage', 'create-only'] as const
export type KnownLevel = (typeof knownLevels)[number]

/** A permission ready to be put in words; every value stays text, never markup. */
export type PermissionView =
  | { kind: 'stream'; allData: boolean; name: string; level: KnownLevel | 'other'; rawLevel: string }
  | { kind: 'feature'; feature: string; setting: string }
  | { kind: 'other'; text: string }

function isKnownLevel(level: string): level is KnownLevel {
  return (knownLevels as readonly string[]).includes(level)
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

function plainText(permission: Permission): string {
  try {
    return JSON.stringify(permission).slice(0, 300)
  } catch {
    return '?'
  }
}

export function describePermission(permission: Permission): PermissionView {
  const streamId = textOf(permission.streamId)
  const level = textOf(permission.level)
  if (streamId && level) {
    return {
      kind: 'stream',
      allData: streamId === '*',
      name: textOf(permission.name) ?? textOf(permission.defaultName) ?? streamId,
      level: isKnownLevel(level) ? level : 'other',
      rawLevel: level,
    }
  }
  const feature = textOf(permission.feature)
  const setting = textOf(permission.setting)
  if (feature && setting) return { kind: 'feature', feature, setting }
  return { kind: 'other', text: plainText(permission) }
}

/** The app's consent message: `clientData['app-web-auth:description']`, as text or `{ content }`. */
export function consentDescription(clientData: Record<string, unknown> | undefined): string | undefined {
  const description = clientData?.['app-web-auth:description']
  if (typeof description === 'string') return textOf(description)
  if (typeof description === 'object' && description !== null)
    return textOf((description as { content?: unknown }).content)
  return undefined
}
