// @vitest-environment node
import type { Service } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ServiceInfo } from '@/services/accessState'
import { adoptServiceInfo, loadServiceInfo, openService, serviceInfoTrustChecks } from '@/services/platform'
import { appErrorOf, stubJsonAnswer } from './jsonFetch'

const info: ServiceInfo = {
  name: 'Pryv Lab',
  api: 'https://{username}.pryv.example/',
  register: 'https://reg.pryv.example/',
  access: 'https://access.pryv.example/access/',
}

/** A Service whose info() gives `answer`, counting the calls. */
function serviceAnswering(answer: () => Promise<unknown>) {
  const calls: string[] = []
  const service = {
    info: async () => {
      calls.push('info')
      return answer()
    },
  }
  return { service: service as unknown as Service, calls }
}

afterEach(() => vi.unstubAllGlobals())

describe('openService', () => {
  it('opens the service at that info URL, fetching nothing before its info is needed', async () => {
    const fetchMock = stubJsonAnswer(200, JSON.stringify(info))
    const service = await openService('https://reg.pryv.example/service/info')
    expect(fetchMock).not.toHaveBeenCalled()
    expect(await loadServiceInfo(service)).toEqual(info)
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['https://reg.pryv.example/service/info'])
  })
})

describe('adoptServiceInfo', () => {
  it('takes service info the page already holds, so none is fetched', async () => {
    const fetchMock = stubJsonAnswer(500, '{}')
    const service = await openService('https://reg.pryv.example/service/info')
    adoptServiceInfo(service, { ...info })
    expect(await loadServiceInfo(service)).toEqual(info)
    expect(fetchMock).not.toHaveBeenCalled()
  })
})

describe('loadServiceInfo', () => {
  it('refuses service info without an api or register URL', async () => {
    for (const answer of [{ ...info, api: undefined }, { ...info, register: 42 }, undefined]) {
      const { service } = serviceAnswering(async () => answer)
      expect((await appErrorOf(loadServiceInfo(service))).code).toBe('unexpected-answer')
    }
  })

  it('says an unreachable platform as such', async () => {
    const { service } = serviceAnswering(async () => {
      throw new TypeError('Failed to fetch')
    })
    expect((await appErrorOf(loadServiceInfo(service))).code).toBe('network')
  })
})

describe('serviceInfoTrustChecks', () => {
  it('names the api, register and access URLs for the trusted-platform rule', () => {
    expect(serviceInfoTrustChecks(info)).toEqual([
      { role: 'api', url: info.api },
      { role: 'register', url: info.register },
      { role: 'access', url: info.access },
    ])
  })
})
