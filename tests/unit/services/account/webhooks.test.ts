// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadWebhooks } from '@/services/account/webhooks'
import { fakeApiSession } from '../fakeApi'

afterEach(() => vi.unstubAllGlobals())

describe('loadWebhooks', () => {
  it('keeps the access and the host each webhook calls, never the rest of its address', async () => {
    const { session, calls } = fakeApiSession(() => ({
      webhooks: [
        { id: 'w1', accessId: 'app', url: 'https://hooks.example.com/in/s3cret?key=abc', state: 'active' },
        { id: 'w2', accessId: 'app', url: 'javascript:alert(1)' },
        { id: 'w3', url: 'https://x.example' },
        null,
      ],
    }))
    const webhooks = await loadWebhooks(session.connection)
    expect(calls).toEqual([{ method: 'webhooks.get', params: {} }])
    expect(webhooks).toEqual([
      { id: 'w1', accessId: 'app', host: 'hooks.example.com' },
      { id: 'w2', accessId: 'app', host: '?' },
    ])
  })
})

describe('loadWebhooks, an answer without a list', () => {
  it('finds no webhook when the platform lists none', async () => {
    const { session } = fakeApiSession(() => ({ webhooks: { w1: { id: 'w1', accessId: 'app' } } }))
    expect(await loadWebhooks(session.connection)).toEqual([])
  })
})
