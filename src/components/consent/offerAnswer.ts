import type { OfferRow } from '@/composables/useOfferChoice'
import type { AppError } from '@/services/appError'

/**
 * The flow a signed-in person answers an offer through (a consent page's store fits it as it is): which answer
 * runs, what the platform said last, whether Accept is possible (all of it unless told), and the answers.
 */
export interface OfferAnswer {
  busyAction: string | null
  error: AppError | null
  canAccept?: boolean
  accept(): unknown
  refuse(): unknown
}

/** The same where the person may untick entries: the offered rows and the change of one. */
export interface OfferChoiceAnswer extends OfferAnswer {
  rows: OfferRow[]
  toggle(index: number, ticked: boolean): unknown
}
