import type { Connection } from 'pryv'
import { callApi } from '@/services/callApi'
import { asRecord, textOf } from '@/services/json'
import { parseHttpUrl } from '@/services/safeUrl'

/** A webhook as the page names it: the access it belongs to and the host it calls (its full URL may hold a secret). */
export interface WebhookRecord {
  id: string
  accessId: string
  host: string
}

/** GET webhooks (`webhooks.get`): every webhook of the account, by the access that made it. */
export async function loadWebhooks(connection: Connection): Promise<WebhookRecord[]> {
  const result = await callApi(connection, 'webhooks.get', {})
  const rows = Array.isArray(result.webhooks) ? result.webhooks : []
  return rows.flatMap((row): WebhookRecord[] => {
    const webhook = asRecord(row)
    const id = textOf(webhook?.id)
    const accessId = textOf(webhook?.accessId)
    const host = parseHttpUrl(textOf(webhook?.url) ?? '')?.host
    return id && accessId ? [{ id, accessId, host: host ?? '?' }] : []
  })
}
