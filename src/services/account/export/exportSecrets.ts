import { asRecord } from '@/services/json'

/** Keys that hold a credential or its hash wherever they appear in the account, profile, accesses or webhooks. */
const secretKeys: ReadonlySet<string> = new Set([
  'token',
  'apiEndpoint',
  'readToken',
  'mfaToken',
  'recoveryCodes',
  'verificationTokenHash',
  'passwordHash',
])

/** A copy without credentials: secret keys dropped at any depth, and the MFA `content` (its phone, its codes). */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets)
  const record = asRecord(value)
  if (!record) return value
  const kept: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(record)) {
    if (secretKeys.has(key) || key.endsWith('TokenHash')) continue
    kept[key] = key === 'mfa' ? withoutMfaContent(item) : withoutSecrets(item)
  }
  return kept
}

function withoutMfaContent(value: unknown): unknown {
  const record = asRecord(value)
  if (!record) return withoutSecrets(value)
  const rest = { ...record }
  delete rest.content
  return withoutSecrets(rest)
}

/**
 * An event as the person wrote it, without its attachments' `readToken`s: its own content is theirs and kept
 * whole, whatever its keys are called.
 */
export function eventWithoutSecrets(event: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(event.attachments)) return event
  const attachments = event.attachments.map((file) => {
    const record = asRecord(file)
    if (!record) return file
    const rest = { ...record }
    delete rest.readToken
    return rest
  })
  return { ...event, attachments }
}

/** Last guard before a text goes into the file: the session's own token, should any answer echo it. */
export function withoutToken(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('[removed]')
}
