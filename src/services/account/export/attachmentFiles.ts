import type { Connection } from 'pryv'
import { AppError, failedAnswer } from '@/services/appError'
import { asRecord, textOf } from '@/services/json'
import type { EventRecord } from './eventPages'

/** One attached file, as the export names and fetches it. */
export interface AttachmentRef {
  eventId: string
  fileId: string
  fileName: string
  size: number
}

export function attachmentsOf(event: EventRecord): AttachmentRef[] {
  const eventId = textOf(event.id)
  if (!eventId || !Array.isArray(event.attachments)) return []
  return event.attachments.flatMap((item: unknown) => {
    const file = asRecord(item)
    const fileId = textOf(file?.id)
    if (!file || !fileId) return []
    const size = typeof file.size === 'number' ? file.size : 0
    return [{ eventId, fileId, fileName: textOf(file.fileName) ?? fileId, size }]
  })
}

/** Where a file sits in the ZIP: under its event, its name kept readable but never a path of its own. */
export function attachmentPath(file: AttachmentRef): string {
  const name = file.fileName.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120)
  return `attachments/${file.eventId}/${file.fileId}-${name}`
}

/**
 * GET events/{id}/{fileId}/{fileName} with the token in the header (never the attachment's readToken in a URL):
 * the answer's body, to stream into the ZIP; null when the platform no longer has the file (404).
 */
export async function openAttachment(
  connection: Connection,
  file: AttachmentRef,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array> | null> {
  const path = [file.eventId, file.fileId, file.fileName].map(encodeURIComponent).join('/')
  let response: Response
  try {
    response = await fetch(`${connection.endpoint}events/${path}`, {
      headers: { Authorization: connection.token ?? '' },
      signal,
    })
  } catch (err) {
    if (signal.aborted) throw err
    throw new AppError('network')
  }
  if (response.status === 404) return null
  if (!response.ok || !response.body) throw failedAnswer(response.status, undefined)
  return response.body
}
