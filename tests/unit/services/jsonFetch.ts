import { vi } from 'vitest'
import { AppError } from '@/services/appError'

/** Stubs `fetch` to answer every request with this status and body (text, as the platform sent it); returns the mock to read the calls. */
export function stubJsonAnswer(status: number, body: string) {
  const fetchMock = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(
    async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } }),
  )
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

/** The AppError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const err: unknown = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  )
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`)
  return err
}

/** The request a stubbed `fetch` received (the first, or the one at `index`): URL, method, headers and body. */
export function sentRequest(fetchMock: ReturnType<typeof stubJsonAnswer>, index = 0) {
  const [url, init] = fetchMock.mock.calls[index] ?? []
  return { url, method: init?.method, headers: init?.headers, body: init?.body }
}
