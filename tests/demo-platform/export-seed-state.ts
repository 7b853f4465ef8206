import { day, grantRow } from './account-seed-rows.ts'
import { auditEntry } from './audit-store.ts'
import { benchSeed, exportSeed } from './export-seed.ts'
import { nowSeconds } from './ids.ts'
import type { Access, AuditEntry, Stream, User } from './model.ts'
import type { PlatformState } from './state.ts'

function seededUser(username: string, email: string, password: string, streams: readonly Stream[]): User {
  return {
    username,
    email,
    password,
    language: 'en',
    mfa: { active: false, recoveryCodes: [] },
    streams: streams.map((stream) => ({ ...stream })),
    accesses: [],
    webhooks: [],
  }
}

const ids = exportSeed.accessIds

/** A live app with a webhook, an expired one, a revoked one and a share with a doctor. */
function exportAccesses(now: number): Access[] {
  const byWeb = 'cexportpersonalaccess0001'
  const revoked = grantRow(now, {
    id: ids.deletedApp,
    type: 'app',
    name: 'old-sync-app',
    permissions: [{ streamId: 'diary', level: 'read' }],
    createdBy: byWeb,
    createdAgo: 300 * day,
  })
  revoked.deleted = now - 200 * day
  return [
    grantRow(now, {
      id: ids.notesApp,
      type: 'app',
      name: 'notes-app',
      permissions: [{ streamId: 'diary', level: 'contribute' }],
      createdBy: byWeb,
      createdAgo: 400 * day,
      lastUsedAgo: day,
    }),
    grantRow(now, {
      id: ids.expiredApp,
      type: 'app',
      name: 'fitness-tracker',
      permissions: [{ streamId: 'health', level: 'read' }],
      createdBy: byWeb,
      createdAgo: 500 * day,
      lastUsedAgo: 100 * day,
      expiresIn: -90 * day,
    }),
    revoked,
    grantRow(now, {
      id: ids.doctorShare,
      type: 'shared',
      name: 'For my doctor',
      permissions: [{ streamId: 'health', level: 'read' }],
      createdBy: ids.notesApp,
      createdAgo: 60 * day,
    }),
  ]
}

function exportAudit(now: number): AuditEntry[] {
  const calls: Array<[string, string, Record<string, unknown>]> = [
    [ids.notesApp, 'events.get', { streams: ['diary'] }],
    [ids.notesApp, 'events.create', {}],
    [ids.doctorShare, 'events.get', { streams: ['health'] }],
    [ids.notesApp, 'streams.get', {}],
    [ids.expiredApp, 'events.get', { streams: ['health-weight'] }],
    [ids.notesApp, 'webhooks.create', {}],
  ]
  return calls.map(([accessId, methodId, query], index) =>
    auditEntry({
      accessId,
      methodId,
      query,
      time: now - (calls.length - index) * day,
      id: `cexportaudit${String(index + 1).padStart(13, '0')}`,
    }),
  )
}

function exportUser(now: number): User {
  const { username, email, password, streams } = exportSeed
  const user = seededUser(username, email, password, [
    ...streams.live,
    ...streams.trashed.map((stream) => ({ ...stream, trashed: true })),
  ])
  user.accesses = exportAccesses(now)
  user.profile = structuredClone({ private: exportSeed.profile.private, public: exportSeed.profile.public })
  const { id, accessId, url } = exportSeed.webhook
  const created = now - 300 * day
  user.webhooks.push({
    id,
    accessId,
    url,
    state: 'active',
    runCount: 12,
    failCount: 1,
    lastRun: { status: 200, timestamp: now - 2 * day },
    runs: [],
    created,
    createdBy: accessId,
    modified: created,
    modifiedBy: accessId,
  })
  return user
}

/** Adds the export accounts (see export-seed.ts); their events come on first read, so a reset stays fast. */
export function seedExportAccounts(state: PlatformState): void {
  const now = nowSeconds()
  const user = exportUser(now)
  state.users.set(user.username, user)
  state.audit.set(user.username, exportAudit(now))
  for (const account of benchSeed.accounts)
    state.users.set(
      account.username,
      seededUser(account.username, account.email, benchSeed.password, benchSeed.streams),
    )
}
