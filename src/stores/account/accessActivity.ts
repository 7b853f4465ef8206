import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import { nowSeconds } from '@/i18n/formatTime'
import { findGroup } from '@/services/account/accessGroups'
import {
  readAuditPage,
  summarizeAudit,
  type AuditCursor,
  type AuditEntry,
  type AuditQuery,
  type AuditSummary,
} from '@/services/account/auditTrail'
import { useAccountAccessesStore } from './accountAccesses'
import { useAccountSessionStore } from './accountSession'

export const activityPeriods = ['all', 'day', 'week', 'month'] as const
export type ActivityPeriod = (typeof activityPeriods)[number]

export interface ActivityFilter {
  /** One API method, or '' for every kind of call. */
  action: string
  errorsOnly: boolean
  period: ActivityPeriod
}

const periodSeconds: Record<Exclude<ActivityPeriod, 'all'>, number> = { day: 86400, week: 7 * 86400, month: 30 * 86400 }
// Entries shown per "Show older"; the platform is read 100 entries at a time (most may be other accesses').
const listPaging = { pageSize: 25, batchSize: 100, maxRequests: 10 }
// The summary reads the trail in bigger requests, and says when it stopped before the access's creation.
const summaryPaging = { pageSize: Number.POSITIVE_INFINITY, batchSize: 1000, maxRequests: 10 }

/** One access's activity from the audit store: a summary, then its entries, filtered and read page by page. */
export const useAccessActivityStore = defineStore('accessActivity', () => {
  const session = useAccountSessionStore()
  const accesses = useAccountAccessesStore()
  const accessId = ref<string | null>(null)
  const filter = ref<ActivityFilter>({ action: '', errorsOnly: false, period: 'all' })
  const entries = shallowRef<AuditEntry[]>([])
  const cursor = shallowRef<AuditCursor | null>(null)
  const reading = useAsyncAction()
  const summarizing = useAsyncAction()
  const summary = shallowRef<{ value: AuditSummary; complete: boolean } | null>(null)
  const openedAt = ref(nowSeconds())
  /** The app's consent message, rendered from markdown and sanitized. */
  const consentHtml = ref('')

  const group = computed(() => (accessId.value ? findGroup(accesses.groups, accessId.value) : undefined))
  /** The access shown: the group's main one, or one an app created. */
  const record = computed(() => {
    const found = group.value
    if (!found || !accessId.value) return undefined
    return [...found.members, ...found.created].find((candidate) => candidate.id === accessId.value)
  })
  /** The accesses whose calls count: all of an OAuth client's rows when its grant is shown. */
  const auditedIds = computed(() => {
    const found = group.value
    // Stryker disable next-line LogicalOperator: a group is found exactly when the record is (both by the same id), so || and && agree
    if (!found || !record.value) return []
    return record.value.id === found.main.id ? found.members.map((member) => member.id) : [record.value.id]
  })

  function query(period: ActivityPeriod, narrowing: Partial<AuditQuery> = {}): AuditQuery {
    const created = Math.min(
      ...[...(group.value?.members ?? []), ...(record.value ? [record.value] : [])].map((item) => item.created ?? 0),
    )
    const since = period === 'all' ? created : Math.max(created, openedAt.value - periodSeconds[period])
    return { accessIds: auditedIds.value, since: Math.max(0, since - 1), until: openedAt.value + 1, ...narrowing }
  }

  function readOlder(): Promise<unknown> {
    return reading.run(async () => {
      const { action, errorsOnly, period } = filter.value
      const narrowing = { ...(action ? { action } : {}), errorsOnly }
      const page = await session.call((connection) =>
        readAuditPage(connection, query(period, narrowing), cursor.value, listPaging),
      )
      entries.value = [...entries.value, ...page.entries]
      cursor.value = page.next
      return page
    })
  }

  function summarize(): Promise<unknown> {
    return summarizing.run(async () => {
      const page = await session.call((connection) => readAuditPage(connection, query('all'), null, summaryPaging))
      summary.value = { value: summarizeAudit(page.entries), complete: page.next === null }
    })
  }

  /** Opens an access's page: the list is read if needed, then its first entries and its summary. */
  async function open(id: string): Promise<void> {
    accessId.value = id
    openedAt.value = nowSeconds()
    filter.value = { action: '', errorsOnly: false, period: 'all' }
    entries.value = []
    cursor.value = null
    summary.value = null
    consentHtml.value = ''
    await accesses.ensureLoaded()
    if (!record.value) return
    await Promise.all([readOlder(), summarize(), renderConsent(record.value.consentMessage)])
  }

  async function renderConsent(source: string | undefined): Promise<void> {
    if (!source) return
    // The markdown renderer and sanitizer are fetched only for an access that has a message.
    const { renderMarkdown } = await import('@/services/markdown')
    consentHtml.value = renderMarkdown(source)
  }

  /** Applies a filter: the entries are read again from the newest. */
  function applyFilter(next: ActivityFilter): Promise<unknown> {
    filter.value = { ...next }
    entries.value = []
    cursor.value = null
    return readOlder()
  }

  return {
    accessId,
    group,
    record,
    filter,
    entries,
    cursor,
    readStatus: reading.status,
    readError: reading.error,
    summary,
    consentHtml,
    summaryStatus: summarizing.status,
    summaryError: summarizing.error,
    open,
    readOlder,
    summarize,
    applyFilter,
  }
})
