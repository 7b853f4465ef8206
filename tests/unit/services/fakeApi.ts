import type { Connection } from 'pryv'
import { vi } from 'vitest'
import type { Session } from '@/services/signIn'

export interface ApiCall {
  method: string
  params: Record<string, unknown>
}

/**
 * A session whose API answers each call of a batch with `answer(call)` as its
 * result (`{ error }` for a method error), through a stubbed `fetch`; records the calls.
 */
export function fakeApiSession(answer: (call: ApiCall) => unknown): { session: Session; calls: ApiCall[] } {
  const calls: ApiCall[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const batch = JSON.parse(String(init.body)) as ApiCall[]
      calls.push(...batch)
      return new Response(JSON.stringify({ results: batch.map((call) => answer(call)), meta: { serverTime: 0 } }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      })
    }),
  )
  const connection = { endpoint: 'https://alice.pryv.example/', token: 'personal-token' }
  return { session: { username: 'alice', connection: connection as unknown as Connection }, calls }
}
