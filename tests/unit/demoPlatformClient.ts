import { afterAll, beforeAll, beforeEach } from 'vitest'
import { startDemoPlatform, type RunningServer } from '../demo-platform/server.ts'

export type Json = Record<string, unknown>
export interface Answer {
  status: number
  json: Json
  /** The `Location` header (a 302 of the platform may come without one). */
  location: string | null
}

/**
 * A demo platform of the test file's own, reset before each test, and how a page of ours speaks to it
 * (`call`: the API from the app's origin; `control`: the demo's `/_demo` routes).
 */
export function demoPlatformForTests() {
  let platform: RunningServer
  beforeAll(async () => {
    platform = await startDemoPlatform({ port: 0, authPageUrl: 'http://localhost:4173/access/access.html' })
  })
  afterAll(() => platform.close())
  beforeEach(async () => {
    await control('POST', '/reset')
  })

  async function call(method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
    const headers: Record<string, string> = { Origin: 'http://127.0.0.1:4573' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (token) headers.Authorization = token
    const response = await fetch(platform.url + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return {
      status: response.status,
      json: (await response.json()) as Json,
      location: response.headers.get('location'),
    }
  }

  async function control<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
    return (await call(method, `/_demo${path}`, body)).json as T
  }

  return { call, control, url: () => platform.url }
}
