import type { AccessKind, AccessGroup } from './accessGroups'
import { isExpired } from './accessGroups'
import type { AccessRecord, Party } from './accessRecords'
import type { WebhookRecord } from './webhooks'

/** What removing one group does, said to the person before they confirm, and the calls that do it. */
export interface RevokePlan {
  /** The group's main access id, which the list and the page know it by. */
  key: string
  kind: AccessKind
  title: string
  /** The accesses removed, one `accesses.delete` each: an OAuth client's grant first (it stops refreshes), then its sessions. */
  ids: string[]
  /** The accesses the platform removes with them: the ones they created that have not expired. */
  createdGoing: AccessRecord[]
  /** The webhooks of every access removed; null when the platform did not list them. */
  webhooks: WebhookRecord[] | null
  /** An OAuth client's open sessions (expired ones are removed too, but end nothing). */
  sessions: number
  /** The requester a CMC grant (or an OAuth grant) was given to: the platform tells it the grant was withdrawn. */
  toldParty: Party | null
  /** Removing another app's personal session does not sign it out: the platform keeps the session until it ends. */
  sessionLivesOn: boolean
}

function orderedIds(group: AccessGroup): string[] {
  const grantFirst = [...group.members].sort(
    (a, b) => Number(b.cmc?.role === 'counterparty') - Number(a.cmc?.role === 'counterparty'),
  )
  return grantFirst.map((member) => member.id)
}

/**
 * The plan to remove a group, or null for the page's own session (the person signs out instead). Only what the
 * platform really does is promised: direct sub-accesses that have not expired go, webhooks of every removed access go.
 */
export function planRevoke(
  group: AccessGroup,
  webhooks: readonly WebhookRecord[] | null,
  nowSeconds: number,
): RevokePlan | null {
  if (group.own) return null
  const ids = orderedIds(group)
  const removed = new Set(ids)
  const createdGoing =
    group.kind === 'personal'
      ? []
      : group.created.filter(
          (record) => record.createdBy !== undefined && removed.has(record.createdBy) && !isExpired(record, nowSeconds),
        )
  const gone = new Set([...ids, ...createdGoing.map((record) => record.id)])
  const grant = group.members.find((member) => member.cmc?.role === 'counterparty')
  return {
    key: group.main.id,
    kind: group.kind,
    title: group.title,
    ids,
    createdGoing,
    webhooks: webhooks ? webhooks.filter((webhook) => gone.has(webhook.accessId)) : null,
    sessions: group.members.filter(
      (member) => member !== grant && group.kind === 'oauth-client' && !isExpired(member, nowSeconds),
    ).length,
    toldParty: grant?.cmc?.counterparty ?? null,
    sessionLivesOn: group.kind === 'personal',
  }
}

/** The accesses left once these were removed (the removed ones and those the platform removed with them). */
export function withoutRemoved(records: readonly AccessRecord[], removedIds: readonly string[]): AccessRecord[] {
  const removed = new Set(removedIds)
  return records.filter((record) => !removed.has(record.id))
}
