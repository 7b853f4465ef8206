import type { Stream } from './model.ts'
import type { Caller } from './sessions.ts'
import { enumError, type ParamsCheck } from './validation.ts'

const streamStates = ['default', 'all'] as const

/** `streams.get`'s `state`: true when trashed streams are wanted too (`all`). */
export function parseIncludeTrashed(check: ParamsCheck): boolean {
  const state = check.string('state') ?? 'default'
  if (!streamStates.some((known) => known === state)) check.add(enumError('#/state', streamStates))
  return state === 'all'
}

/** The platform's own roots a personal token sees with `state=all` (observed), the account fields under theirs. */
const systemStreams: Stream[] = [
  { id: ':_audit:', name: 'Audit', parentId: null },
  { id: ':_emails:', name: 'Emails', parentId: null },
  { id: ':_system:account', name: 'Account', parentId: null },
  { id: ':_system:language', name: 'Language', parentId: ':_system:account' },
  { id: ':_system:dbDocuments', name: 'Db Documents', parentId: ':_system:account' },
  { id: ':_system:attachedFiles', name: 'Attached files', parentId: ':_system:account' },
  { id: ':system:email', name: 'Email', parentId: ':_system:account' },
]

export function systemStreamsFor(caller: Caller, includeTrashed: boolean): Stream[] {
  return includeTrashed && caller.kind === 'personal' ? systemStreams.map((stream) => ({ ...stream })) : []
}
