// @vitest-environment node
import { createPinia, setActivePinia } from 'pinia'
import type { Service } from 'pryv'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AccessState, ServiceInfo } from '@/services/accessState'
import { AppError } from '@/services/appError'
import { fetchAccessState } from '@/services/auth/pollUrl'
import { useAuthRequestStore } from '@/stores/auth/authRequest'
import { usePlatformStore } from '@/stores/platform'
import { installFakeWindow } from '../../services/fakeWindow'
import { pollUrl, waiting } from './authFlowFixture'

vi.mock('@/services/auth/pollUrl', () => ({ fetchAccessState: vi.fn(), pollUrlForKey: vi.fn() }))
vi.mock('@/i18n', () => ({ applyLanguage: vi.fn(async () => undefined) }))

const serviceInfo = { name: 'Lab' } as ServiceInfo

/** The auth popup's request over a stubbed platform: its look is what the test watches. */
function startRequest(state: AccessState | Error, adopted: ServiceInfo | null = serviceInfo) {
  const platform = usePlatformStore()
  vi.spyOn(platform, 'opened').mockResolvedValue({} as Service)
  vi.spyOn(platform, 'trust').mockReturnValue(true)
  const adopt = vi.spyOn(platform, 'adopt').mockResolvedValue(adopted)
  const keepOwnLook = vi.spyOn(platform, 'keepOwnLook')
  if (state instanceof Error) vi.mocked(fetchAccessState).mockRejectedValue(state)
  else vi.mocked(fetchAccessState).mockResolvedValue(state)
  const request = useAuthRequestStore()
  request.start({ poll: pollUrl })
  return { request, adopt, keepOwnLook }
}

beforeEach(() => {
  installFakeWindow({ url: 'http://localhost:3000/access/auth' })
  vi.clearAllMocks()
  setActivePinia(createPinia())
})
afterEach(() => vi.unstubAllGlobals())

describe("the auth popup's look", () => {
  it('comes from the service info its poll state carries, and the page does not give it up', async () => {
    const { request, adopt, keepOwnLook } = startRequest({ ...waiting, serviceInfo })
    expect(await request.ready()).toMatchObject({ key: waiting.key })
    expect(adopt).toHaveBeenCalledWith(serviceInfo)
    expect(keepOwnLook).not.toHaveBeenCalled()
  })

  it('is our own when no platform can come: an answered request, a refused service info, a failed read', async () => {
    const answered = startRequest({ status: 'ACCEPTED' } as AccessState)
    expect(await answered.request.ready()).toBeNull()
    expect(answered.keepOwnLook).toHaveBeenCalledOnce()

    setActivePinia(createPinia())
    const refused = startRequest({ ...waiting, serviceInfo }, null)
    expect(await refused.request.ready()).toBeNull()
    expect(refused.keepOwnLook).toHaveBeenCalledOnce()

    setActivePinia(createPinia())
    const failed = startRequest(new AppError('network'))
    expect(await failed.request.ready()).toBeNull()
    expect(failed.request.status).toBe('error')
    expect(failed.keepOwnLook).toHaveBeenCalledOnce()
  })
})
