import { grantsOf, insertAccess, isLive } from './access-records.ts'
import { cmcApps, ensureAppStreamChain } from './cmc-streams.ts'
import { isRecord } from './http.ts'
import { newId } from './ids.ts'
import type { Access, Permission, User } from './model.ts'
import { withoutConsentFlags, type ConsentEntry } from './oauth-consent.ts'
import type { PlatformConfig } from './state.ts'

/** How long an OAuth access token lives, in seconds (the server's default `oauth:accessTokenTTL`). */
export const accessTokenLifetime = 3600

export interface GrantedOffer {
  clientId: string
  offerName: string
  offerEventId: string | null
}

// Entries reached this point through the consent rule: every one was offered, so none is an exclusion mask.
export function asPermissions(entries: ConsentEntry[]): Permission[] {
  return entries.map((entry) => withoutConsentFlags(entry) as Permission)
}

/** The data grant's name and `clientData.cmc`, as the server's accept leaves them: the client's app account is the counterparty. */
export function oauthGrantShape(
  host: string,
  offer: GrantedOffer,
): { name: string; scopeStreamId: string; cmc: Record<string, unknown> } {
  const scopeStreamId = `${cmcApps}:oauth:${offer.clientId}`
  return {
    name: `cmc:${offer.offerName}:${offer.clientId}@${host}`,
    scopeStreamId,
    cmc: {
      role: 'counterparty',
      counterparty: { username: offer.clientId, host },
      scopeStreamId,
      clientId: offer.clientId,
      offerName: offer.offerName,
      offerEventId: offer.offerEventId,
    },
  }
}

function offerEventIdOf(access: Access): unknown {
  const cmc = access.clientData?.cmc
  return isRecord(cmc) && cmc.role === 'counterparty' ? cmc.offerEventId : undefined
}

/**
 * The durable data grant of this offer on the user's account (a shared
 * access), reused when the user already accepted it. One the user revoked
 * blocks the offer, as on the real server. The first accept also creates
 * the client's scope streams, where the server writes its trigger.
 */
function dataGrant(
  config: PlatformConfig,
  user: User,
  createdBy: string,
  offer: GrantedOffer,
  granted: ConsentEntry[],
): Access {
  const earlier = grantsOf(user).filter(
    (access) => access.type === 'shared' && offerEventIdOf(access) === offer.offerEventId,
  )
  const live = earlier.find(isLive)
  if (live) return live
  if (earlier.length > 0) throw new Error('the user revoked the data grant of this offer')
  const shape = oauthGrantShape(new URL(config.origin).host, offer)
  ensureAppStreamChain(user, shape.scopeStreamId)
  return insertAccess(
    user,
    { name: shape.name, type: 'shared', permissions: asPermissions(granted), clientData: { cmc: shape.cmc } },
    createdBy,
  )
}

/**
 * What an accept creates: the data grant, then the short-lived access the
 * client's token stands for. That one may always revoke itself, whatever
 * the offer says about the data grant.
 */
export function mintOAuthAccess(
  config: PlatformConfig,
  user: User,
  createdBy: string,
  offer: GrantedOffer,
  granted: ConsentEntry[],
): { dataGrant: Access; access: Access } {
  const grant = dataGrant(config, user, createdBy, offer, granted)
  const kept = granted.filter((entry) => !('feature' in entry && entry.feature === 'selfRevoke'))
  const access = insertAccess(
    user,
    {
      name: `oauth:${offer.clientId}`,
      type: 'app',
      deviceName: `oauth-session-${newId()}`,
      permissions: [...asPermissions(kept), { feature: 'selfRevoke', setting: 'allowed' }],
      expireAfter: accessTokenLifetime,
    },
    createdBy,
  )
  return { dataGrant: grant, access }
}
