import { insertAccess, isLive } from './access-records.ts'
import { isRecord } from './http.ts'
import { newId } from './ids.ts'
import type { Access, Permission, Session, User } from './model.ts'
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

function offerEventIdOf(access: Access): unknown {
  const cmc = access.clientData?.cmc
  return isRecord(cmc) && cmc.role === 'counterparty' ? cmc.offerEventId : undefined
}

/**
 * The durable data grant of this offer on the user's account (a shared
 * access), reused when the user already accepted it. One the user revoked
 * blocks the offer, as on the real server.
 */
function dataGrant(
  config: PlatformConfig,
  user: User,
  session: Session,
  offer: GrantedOffer,
  granted: ConsentEntry[],
): Access {
  const earlier = user.accesses.filter(
    (access) => access.type === 'shared' && offerEventIdOf(access) === offer.offerEventId,
  )
  const live = earlier.find(isLive)
  if (live) return live
  if (earlier.length > 0) throw new Error('the user revoked the data grant of this offer')
  return insertAccess(
    user,
    {
      name: `cmc:${offer.offerName}:${offer.clientId}@${new URL(config.origin).host}`,
      type: 'shared',
      permissions: asPermissions(granted),
      clientData: {
        cmc: {
          role: 'counterparty',
          clientId: offer.clientId,
          offerName: offer.offerName,
          offerEventId: offer.offerEventId,
        },
      },
    },
    session.accessId,
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
  session: Session,
  offer: GrantedOffer,
  granted: ConsentEntry[],
): { dataGrant: Access; access: Access } {
  const grant = dataGrant(config, user, session, offer, granted)
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
    session.accessId,
  )
  return { dataGrant: grant, access }
}
