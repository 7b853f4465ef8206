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
  // Stryker disable next-line ArrayDeclaration: a list of text rows yields no webhook either (each row must be an object)
  const rows = Array.isArray(result.webhooks) ? result.webhooks : []
  return rows.flatMap((row): WebhookRecord[] => {
    const webhook = asRecord(row)
    const id = textOf(webhook?.id)
    const accessId = textOf(webhook?.accessId)
    // Stryker disable next-line StringLiteral: any text that is not an http(s) address parses to no host, as '' does
    const host = parseHttpUrl(textOf(webhook?.url) ?? '')?.host
    return id && accessId ? [{ id, accessId, host: host ?? '?' }] : []
  })
}
