import { seededAccesses } from './account-seed-accesses.ts'
import { day } from './account-seed-rows.ts'
import { seededAuditTrail } from './account-seed-audit.ts'
import { accountSeed } from './account-seed.ts'
import { cmcRecords } from './cmc-records.ts'
import { collectorsStreamUnder, identityOn } from './cmc-relationship.ts'
import { ensureAppStreamChain } from './cmc-streams.ts'
import { nowSeconds } from './ids.ts'
import type { User } from './model.ts'
import { sessionLifetimeMs } from './sessions.ts'
import type { PlatformConfig, PlatformState } from './state.ts'

function accountUser(): User {
  return {
    username: accountSeed.username,
    email: accountSeed.email,
    password: accountSeed.password,
    language: accountSeed.language,
    mfa: { active: false, recoveryCodes: [] },
    streams: [
      { id: 'diary', name: accountSeed.streams.diary, parentId: null },
      { id: 'health', name: accountSeed.streams.health, parentId: null },
      { id: 'health-bp', name: accountSeed.streams['health-bp'], parentId: 'health' },
      { id: 'health-weight', name: accountSeed.streams['health-weight'], parentId: 'health' },
      { id: 'sleep', name: accountSeed.streams.sleep, parentId: null },
    ],
    accesses: [],
    webhooks: [],
  }
}

/** The requester's side of the CMC grant: its collectors stream and the relationship the plugin keeps. */
function seedCmcRelationship(state: PlatformState, config: PlatformConfig, user: User): void {
  const requester = state.users.get(accountSeed.cmcRequester)
  if (!requester) return
  const scopeStreamId = `:_cmc:apps:${accountSeed.cmcRequester}`
  const requesterStreamId = collectorsStreamUnder(scopeStreamId, identityOn({ config, state }, user.username))
  ensureAppStreamChain(requester, requesterStreamId)
  cmcRecords(state).relationships.push({
    requester: requester.username,
    recipient: user.username,
    requesterStreamId,
    recipientStreamId: collectorsStreamUnder(scopeStreamId, identityOn({ config, state }, requester.username)),
    dataGrantAccessId: accountSeed.accessIds.cmcGrant,
  })
}

/**
 * Adds the account-area account (see account-seed.ts) to a fresh state:
 * its accesses and webhook, a live session for the mobile app's personal
 * access, its audit log, and every personal token in `issuedTokens`.
 */
export function seedAccountArea(state: PlatformState, config: PlatformConfig): void {
  const now = nowSeconds()
  const user = accountUser()
  state.users.set(user.username, user)
  user.accesses = seededAccesses(now, user, new URL(config.origin).host)
  const webhook = accountSeed.webhook
  user.webhooks.push({
    ...webhook,
    state: 'active',
    runCount: 0,
    failCount: 0,
    lastRun: { status: 0, timestamp: 0 },
    runs: [],
    created: now - 39 * day,
    createdBy: webhook.accessId,
    modified: now - 39 * day,
    modifiedBy: webhook.accessId,
  })
  for (const access of user.accesses) {
    if (access.type !== 'personal') continue
    state.issuedTokens.push({ kind: 'personal', username: user.username, token: access.token })
    if (access.name === accountSeed.appIds.mobile)
      state.sessions.set(access.token, {
        token: access.token,
        username: user.username,
        appId: access.name,
        expires: Date.now() + sessionLifetimeMs,
      })
  }
  seedCmcRelationship(state, config, user)
  state.audit.set(user.username, seededAuditTrail(now, user.accesses))
}
