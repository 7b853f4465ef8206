// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRouter, createWebHistory } from 'vue-router'
import { keepOutOfAddress, takeFromAddress } from '@/services/linkSecrets'
import { installFakeWindow } from './fakeWindow'

// The guard as the router applies it (src/router/index.ts), on a browser history that records every write.

const capabilityUrl = 'https://cap-token@requester.example/study/'
const secret = encodeURIComponent(capabilityUrl)

function routerAt(url: string) {
  const win = installFakeWindow({ url })
  const router = createRouter({
    history: createWebHistory('/'),
    routes: [
      { path: '/cmc-accept', beforeEnter: (to) => keepOutOfAddress(to, 'capabilityUrl'), component: {} },
      { path: '/other', component: {} },
    ],
  })
  return { win, router }
}

/** The first navigation, as the app's start makes it from the address the page loaded with. */
async function load(router: ReturnType<typeof routerAt>['router']): Promise<void> {
  await router.push(router.options.history.location)
}

afterEach(() => {
  takeFromAddress('capabilityUrl')
  vi.unstubAllGlobals()
})

describe('a link secret, as the router answers the guard', () => {
  it('leaves the address bar and the history entry it came in, the rest of the link kept', async () => {
    const { win, router } = routerAt(`https://sw.pryv.example/cmc-accept?capabilityUrl=${secret}&mode=popup#top`)
    await load(router)
    expect(win.location.href).toBe('https://sw.pryv.example/cmc-accept?mode=popup#top')
    expect(win.history.length).toBe(1)
    expect(JSON.stringify(win.entries)).not.toContain('cap-token')
    expect(win.addressChanges.map((change) => change.kind)).not.toContain('pushState')
    expect(router.currentRoute.value.fullPath).toBe('/cmc-accept?mode=popup#top')
    expect(takeFromAddress('capabilityUrl')).toBe(capabilityUrl)
  })

  it('adds no entry for a later page, and a later visit to the page brings no secret back', async () => {
    const { win, router } = routerAt(`https://sw.pryv.example/cmc-accept?capabilityUrl=${secret}`)
    await load(router)
    await router.push('/other')
    await router.push('/cmc-accept?mode=redirect')
    expect(win.urls).toEqual([
      'https://sw.pryv.example/cmc-accept',
      'https://sw.pryv.example/other',
      'https://sw.pryv.example/cmc-accept?mode=redirect',
    ])
    expect(JSON.stringify(win.entries)).not.toContain('cap-token')
    expect(takeFromAddress('capabilityUrl')).toBe(capabilityUrl)
    expect(takeFromAddress('capabilityUrl')).toBeUndefined()
  })

  it('writes no entry with the secret for an in-app navigation either: its answer replaces the current entry', async () => {
    const { win, router } = routerAt('https://sw.pryv.example/other')
    await load(router)
    await router.push(`/cmc-accept?capabilityUrl=${secret}&capabilityUrl=second`)
    expect(win.urls).toEqual(['https://sw.pryv.example/cmc-accept'])
    expect(win.addressChanges.map((change) => change.kind)).not.toContain('pushState')
    expect(JSON.stringify(win.entries)).not.toContain('cap-token')
    expect(takeFromAddress('capabilityUrl')).toBe(capabilityUrl)
  })

  it('leaves an address without a secret as it is', async () => {
    const { win, router } = routerAt('https://sw.pryv.example/cmc-accept?mode=popup')
    await load(router)
    expect(win.urls).toEqual(['https://sw.pryv.example/cmc-accept?mode=popup'])
    expect(takeFromAddress('capabilityUrl')).toBeUndefined()
  })
})
