import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import { nowSeconds } from '@/i18n/formatTime'
import { groupAccesses } from '@/services/account/accessGroups'
import { loadAccesses, type AccessRecord } from '@/services/account/accessRecords'
import { removeAccesses } from '@/services/account/accessRemoval'
import { planRevoke, withoutRemoved, type RevokePlan } from '@/services/account/revokePlan'
import { loadWebhooks, type WebhookRecord } from '@/services/account/webhooks'
import { toAppError } from '@/services/appError'
import { loadStreamNames, type StreamNames } from '@/services/streamNames'
import { useAccountSessionStore } from './accountSession'

/** A removal the platform answered only in part: how many of the accesses went. */
export interface PartialRemoval {
  removed: number
  asked: number
}

/** Webhooks cannot be listed (an older platform): the removal then says "any webhooks" instead of naming them. */
async function webhooksOrNull(loading: Promise<WebhookRecord[]>): Promise<WebhookRecord[] | null> {
  try {
    return await loading
  } catch (err) {
    if (toAppError(err).code === 'session-expired') throw err
    return null
  }
}

/** Apps and access: every access to the account, grouped and named, and withdrawing one after a confirmation. */
export const useAccountAccessesStore = defineStore('accountAccesses', () => {
  const session = useAccountSessionStore()
  const loading = useAsyncAction()
  const removal = useAsyncAction()
  const records = shallowRef<AccessRecord[]>([])
  const streamNames = shallowRef<StreamNames>(new Map())
  const webhooks = shallowRef<WebhookRecord[] | null>(null)
  const now = ref(nowSeconds())
  /** The own access the list was read for: another sign-in reads it again. */
  const loadedFor = ref<string | null>(null)
  const confirming = shallowRef<RevokePlan | null>(null)
  const partial = shallowRef<PartialRemoval | null>(null)
  /** The title of the last group removed, for the notice that says it is gone. */
  const removedTitle = ref<string | null>(null)

  const groups = computed(() => groupAccesses(records.value, session.own?.id ?? null, now.value))
  const liveGroups = computed(() => groups.value.filter((group) => !group.expired))
  const expiredGroups = computed(() => groups.value.filter((group) => group.expired))

  function load(): Promise<unknown> {
    return loading.run(async () => {
      const [accesses, names, hooks] = await session.call((connection) =>
        Promise.all([loadAccesses(connection), loadStreamNames(connection), webhooksOrNull(loadWebhooks(connection))]),
      )
      records.value = accesses
      streamNames.value = names
      webhooks.value = hooks
      now.value = nowSeconds()
      loadedFor.value = session.own?.id ?? null
    })
  }

  /** Reads the list unless it was read for this session already. */
  async function ensureLoaded(): Promise<void> {
    if (loadedFor.value === null || loadedFor.value !== session.own?.id) await load()
  }

  function plan(key: string): RevokePlan | null {
    const group = groups.value.find((candidate) => candidate.main.id === key)
    return group ? planRevoke(group, webhooks.value, now.value) : null
  }

  function askRemoval(key: string): void {
    removedTitle.value = null
    removal.clear()
    partial.value = null
    confirming.value = plan(key)
  }

  function cancelRemoval(): void {
    removal.clear()
    partial.value = null
    confirming.value = null
  }

  /** What a removal left of the group when the platform refused part of it: the rest, to confirm again. */
  function remainingPlan(asked: RevokePlan): RevokePlan | null {
    const left = groups.value.find((group) => group.members.some((member) => asked.ids.includes(member.id)))
    return left ? planRevoke(left, webhooks.value, now.value) : null
  }

  /** The confirmed removal: one request, the list updated from what the platform says it removed. */
  async function confirmRemoval(): Promise<void> {
    const asked = confirming.value
    if (!asked) return
    await removal.run(async () => {
      const cutOff = { action: 'remove' as const, key: asked.key, title: asked.title }
      const outcome = await session
        .call((connection) => removeAccesses(connection, asked.ids), cutOff)
        .catch((err) => {
          if (toAppError(err).code === 'session-expired') confirming.value = null
          throw err
        })
      records.value = withoutRemoved(records.value, outcome.removed)
      const gone = new Set(outcome.removed)
      webhooks.value = webhooks.value?.filter((webhook) => !gone.has(webhook.accessId)) ?? null
      const refused = outcome.refused[0]
      if (refused) {
        partial.value = { removed: asked.ids.filter((id) => gone.has(id)).length, asked: asked.ids.length }
        confirming.value = remainingPlan(asked)
        throw refused.error
      }
      confirming.value = null
      removedTitle.value = asked.title
    })
  }

  return {
    loadStatus: loading.status,
    loadError: loading.error,
    removalStatus: removal.status,
    removalError: removal.error,
    records,
    streamNames,
    webhooks,
    now,
    groups,
    liveGroups,
    expiredGroups,
    confirming,
    partial,
    removedTitle,
    load,
    ensureLoaded,
    askRemoval,
    cancelRemoval,
    confirmRemoval,
  }
})
