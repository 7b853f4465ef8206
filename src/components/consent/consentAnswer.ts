import type { AppError } from '@/services/appError'
import type { PermissionView } from '@/services/permissionView'
import type { ResultDestination } from '@/services/resultDestination'

/** What the consent and the matching-access confirmation both show: who asks, for what, where the answer goes. */
export interface ConsentAnswerProps {
  appId: string
  username: string
  permissions: PermissionView[]
  destination: ResultDestination
  busyStep: 'accept' | 'refuse' | 'notify' | 'check' | null
  error: AppError | null
}

/** Their answers: accept (Continue on the confirmation), refuse, or try the failed step again. */
export interface ConsentAnswerEvents {
  accept: []
  refuse: []
  retry: []
}
