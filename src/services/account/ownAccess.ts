import type { Connection } from 'pryv'
import { AppError, failedAnswer } from '@/services/appError'
import { withAppErrors } from '@/services/http'
import { asRecord, textOf } from '@/services/json'

/** The personal access the page's own session stands for: its id marks "this page" in the list. */
export interface OwnAccess {
  id: string
  /** The app id it signed in with. */
  appId: string
}

/**
 * GET access-info (pryv `Connection.accessInfo`): the session's own access, which must be a personal one, since the
 * account area acts for the person. The token it also answers is left here.
 */
export async function readOwnAccess(connection: Connection): Promise<OwnAccess> {
  const info = asRecord(await withAppErrors(() => connection.accessInfo()))
  const error = asRecord(info?.error)
  if (error) throw failedAnswer(undefined, error)
  const id = textOf(info?.id)
  if (!id) throw new AppError('unexpected-answer')
  // Stryker disable next-line OptionalChaining: equivalent, info is an object here since an id was read from it
  if (info?.type !== 'personal') throw new AppError('forbidden')
  return { id, appId: textOf(info.name) ?? '' }
}
