import type { SignInProgress } from '@/components/auth/signInProgress'
import type { AsyncStatus } from '@/composables/useAsyncAction'
import type { AppError } from '@/services/appError'

/** Where a page's sign-in is: its step (`mfa`, `recovery` or any other for the form) and what the page itself does. */
export interface SignInState extends SignInProgress {
  step: string
}

/**
 * A consent page's flow store as its sign-in shows it. While the person signs in, the only answer that can run is
 * the one Cancel sends, so any running answer means cancelling.
 */
export function consentSignInState(flow: {
  view: string
  status: AsyncStatus
  busyAction: string | null
  error: AppError | null
}): SignInState {
  return { step: flow.view, busy: flow.status === 'pending', cancelling: flow.busyAction !== null, error: flow.error }
}
