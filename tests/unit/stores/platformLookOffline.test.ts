// @vitest-environment node
import { createPinia, setActivePinia } from 'pinia'
import type { Service } from 'pryv'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { usePlatformStore } from '@/stores/platform'
import { installFakeWindow } from '../services/fakeWindow'
import { labServiceInfo } from './labServiceInfo'

vi.mock('@/services/platform', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/services/platform')>()),
  openService: vi.fn(async () => ({}) as Service),
  loadServiceInfo: vi.fn(async () => labServiceInfo),
}))
// The look's own code did not arrive (offline between two loads): a module it needs fails to load.
const documentHead = vi.hoisted(() => ({ loaded: false }))
vi.mock('@/services/documentHead', () => {
  documentHead.loaded = true
  throw new TypeError('Failed to fetch dynamically imported module')
})

beforeEach(() => {
  installFakeWindow({ url: 'http://localhost:3000/' })
  setActivePinia(createPinia())
})
afterEach(() => vi.unstubAllGlobals())

it("shows the platform's name without its files when the code that reads them cannot be fetched", async () => {
  const platform = usePlatformStore()
  void platform.connect({ pryvServiceInfoUrl: 'http://127.0.0.1:3000/reg/service/info' })
  expect(await platform.info()).toEqual(labServiceInfo)
  await vi.waitFor(() => expect(platform.look).toBe('platform'))
  expect([platform.name, platform.branding]).toEqual(['Lab', {}])
  expect(documentHead.loaded).toBe(true)
})
