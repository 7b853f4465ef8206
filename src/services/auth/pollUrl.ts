import type { Service } from 'pryv'
import { parseAccessState, type AccessState } from '@/services/accessState'
import { toAppError } from '@/services/appError'
import { answerError, sendJson } from '@/services/http'
import { asRecord } from '@/services/json'
import { parseHttpUrl } from '@/services/safeUrl'

/** What we tell the platform (and through it the app) at the end of the flow. */
export type PollUpdate =
  | { status: 'ACCEPTED'; apiEndpoint: string; username: string; token: string }
  | { status: 'REFUSED'; reasonId: string; message: string }

/** The poll URL of a request known by its key only: `{access}{key}`; null when the key would lead elsewhere ("..", "."). */
export function pollUrlForKey(accessUrl: string, key: string): string | null {
  const built = accessUrl + encodeURIComponent(key)
  const url = parseHttpUrl(built)
  const base = parseHttpUrl(accessUrl)
  return url &&
    base &&
    url.origin === base.origin &&
    url.pathname.startsWith(base.pathname) &&
    url.pathname !== base.pathname
    ? built
    : null
}

function stateInBody(err: unknown): unknown {
  const body = asRecord(asRecord(err)?.response)?.body
  return typeof asRecord(body)?.status === 'string' ? body : undefined
}

/** GET {poll} (pryv `Service.pollAccessRequest`): the request's current state, whatever its HTTP status. */
export async function fetchAccessState(service: Service, pollUrl: string): Promise<AccessState> {
  try {
    return parseAccessState(await service.pollAccessRequest(pollUrl))
  } catch (err) {
    // REDIRECTED (301) and ERROR (403) come back as failed responses whose body is the state.
    const body = stateInBody(err)
    if (body) return parseAccessState(body)
    throw toAppError(err)
  }
}

/** POST {poll} (hand-written: `pryv` has no call for it); a REFUSED update answers 403 with the state. */
export async function notifyPollUrl(pollUrl: string, update: PollUpdate): Promise<AccessState> {
  const answer = await sendJson(pollUrl, { body: update })
  const carriesState = typeof asRecord(answer.body)?.status === 'string'
  if (carriesState && (answer.ok || answer.status === 403)) return parseAccessState(answer.body)
  throw answerError(answer)
}
