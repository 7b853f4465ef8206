import { updateContent } from './cmc-event-store.ts'
import { cmcRecords, type PryvEvent, type TriggerFailure } from './cmc-records.ts'
import type { Platform } from './state.ts'

/** Thrown by a trigger's handler: the trigger ends `failed` with this reason. */
export class TriggerFailed extends Error {
  readonly failure: TriggerFailure

  constructor(reason: string, detail?: unknown) {
    super(reason)
    this.failure = detail === undefined ? { reason } : { reason, detail }
  }
}

/** The fields a handler stamps on its trigger when it completes. */
export type TriggerHandler = (pinned: Platform) => Record<string, unknown>

function answer(pinned: Platform, handle: TriggerHandler): { completed: Record<string, unknown> } | TriggerFailure {
  try {
    return { completed: handle(pinned) }
  } catch (err) {
    if (err instanceof TriggerFailed) return err.failure
    console.error('demo platform: CMC trigger failed unexpectedly', err)
    return { reason: 'cmc-handler-unexpected', detail: { message: String(err) } }
  }
}

/**
 * Marks the trigger `delivered` and answers it later, as the plugin's
 * dispatch loop does; `failNextTrigger` takes the place of the next answer.
 * The platform is pinned now so a reset meanwhile leaves the new state alone.
 */
export function scheduleTrigger(platform: Platform, trigger: PryvEvent, handle: TriggerHandler): void {
  const pinned: Platform = { config: platform.config, state: platform.state }
  updateContent(trigger, (content) => {
    content.status = 'delivered'
  })
  const timer = setTimeout(() => {
    const settings = cmcRecords(pinned.state).settings
    const forced = settings.failNextTrigger
    settings.failNextTrigger = null
    const outcome = forced ?? answer(pinned, handle)
    updateContent(trigger, (content) => {
      if ('completed' in outcome) {
        Object.assign(content, outcome.completed, { status: 'completed' })
      } else {
        content.status = 'failed'
        content.failure = outcome
      }
    })
  }, cmcRecords(pinned.state).settings.triggerDelayMs)
  // A pending answer never keeps a test run or a stopping server alive.
  timer.unref()
}
