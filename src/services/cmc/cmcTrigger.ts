import type { Connection } from 'pryv'
import { AppError, toAppError } from '@/services/appError'
import { callApi } from '@/services/callApi'
import { asRecord, textOf } from '@/services/json'

/** The state of a CMC trigger event (accept, refuse, scope update) as the platform moves it. */
export type CmcTriggerStatus = 'pending' | 'delivered' | 'completed' | 'failed'

export interface CmcTrigger {
  id: string
  status: CmcTriggerStatus
  content: Record<string, unknown>
}

export interface FollowOptions {
  intervalMs?: number
  timeoutMs?: number
}

const statuses: readonly string[] = ['pending', 'delivered', 'completed', 'failed']

/** A trigger event of an answer; the 201 of a write may carry no status yet, which is `pending`. */
function readTrigger(result: Record<string, unknown>): CmcTrigger {
  const event = asRecord(result.event)
  const id = textOf(event?.id)
  const content = asRecord(event?.content)
  if (!id || !content) throw new AppError('unexpected-answer')
  const status = statuses.find((known) => known === content.status) as CmcTriggerStatus | undefined
  return { id, status: status ?? 'pending', content }
}

/** `events.create` on the person's account: writes a CMC trigger (`consent/accept-cmc`...) with the personal token. */
export async function writeCmcTrigger(
  connection: Connection,
  streamId: string,
  type: string,
  content: Record<string, unknown>,
): Promise<CmcTrigger> {
  return readTrigger(await callApi(connection, 'events.create', { streamIds: [streamId], type, content }))
}

/** `events.getOne`: the trigger as it is now. */
export async function readCmcTrigger(connection: Connection, id: string): Promise<CmcTrigger> {
  return readTrigger(await callApi(connection, 'events.getOne', { id }))
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Resolves with the trigger once it is `completed` or `failed`, or with null once `isOver()`. */
async function untilSettled(
  connection: Connection,
  id: string,
  intervalMs: number,
  isOver: () => boolean,
): Promise<CmcTrigger | null> {
  while (!isOver()) {
    await pause(intervalMs)
    if (isOver()) break
    try {
      const trigger = await readCmcTrigger(connection, id)
      if (trigger.status === 'completed' || trigger.status === 'failed') return trigger
    } catch (err) {
      // A network or server hiccup is worth another read; a refused session is not.
      if (!toAppError(err).retryable) throw err
    }
  }
  return null
}

/**
 * Reads the trigger (`events.getOne`) every `intervalMs` until the platform settles it; after `timeoutMs`
 * rejects with `cmc-trigger-timeout` (the answer stays written: the platform may still settle it later).
 * A slow read only counts against the time left.
 */
export async function followCmcTrigger(
  connection: Connection,
  id: string,
  { intervalMs = 250, timeoutMs = 20000 }: FollowOptions = {},
): Promise<CmcTrigger> {
  let over = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs)
  })
  try {
    const settled = await Promise.race([untilSettled(connection, id, intervalMs, () => over), timeout])
    if (!settled) throw new AppError('cmc-trigger-timeout')
    return settled
  } finally {
    over = true
    clearTimeout(timer)
  }
}
