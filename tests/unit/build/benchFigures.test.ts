// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { median, sequentialRoundTrips, withPreflightsFirst, type RequestRecord } from '../../../scripts/bench/measure'
import { budgetLines } from '../../../scripts/bundle-size'

function request(method: string, path: string, startMs: number, endMs: number): RequestRecord {
  return {
    url: `http://127.0.0.1:3000${path}`,
    method,
    type: method === 'OPTIONS' ? 'Other' : 'Fetch',
    startMs,
    endMs,
    bytes: 0,
  }
}

describe('sequentialRoundTrips', () => {
  it('counts requests waited for one after the other, not those in parallel', () => {
    const chain = [
      request('GET', '/a', 0, 100),
      request('GET', '/b', 0, 120),
      request('POST', '/c', 130, 200),
      request('POST', '/d', 210, 300),
    ]
    expect(sequentialRoundTrips(chain)).toBe(3)
    expect(sequentialRoundTrips([])).toBe(0)
  })

  it('counts a CORS preflight as a round trip once its request is moved after it', () => {
    // As Chromium reports them: the preflight starts after its request and ends inside it.
    const login = [request('POST', '/u/auth/login', 0, 300), request('OPTIONS', '/u/auth/login', 5, 140)]
    const check = [request('POST', '/u/', 310, 600), request('OPTIONS', '/u/', 315, 450)]
    expect(sequentialRoundTrips([...login, ...check].filter((item) => item.method !== 'OPTIONS'))).toBe(2)
    expect(sequentialRoundTrips([...login, ...check])).toBe(2)
    expect(sequentialRoundTrips(withPreflightsFirst([...login, ...check]))).toBe(4)
  })
})

describe('budgetLines', () => {
  const point = (name: string, gzipBytes: number) => ({ name, files: [], gzipBytes })

  it('holds the HTML entry to the auth page budget while the auth page is bundled in it', () => {
    const lines = budgetLines({
      entryPoints: [point('index.html', 66_300), point('RegisterPage', 77_500)],
      totalGzipBytes: 301_000,
    })
    expect(lines.map((line) => [line.name, line.budgetBytes, line.withinBudget])).toEqual([
      ['auth page (index.html)', 66_400, true],
      ['RegisterPage', 77_400, false],
      ['whole build', 300_000, false],
    ])
  })

  it('holds a lazily loaded auth page to the auth budget, and the bare entry to the others', () => {
    const lines = budgetLines({
      entryPoints: [point('index.html', 77_000), point('AuthPage', 66_500)],
      totalGzipBytes: 100_000,
    })
    expect(lines.map((line) => [line.name, line.withinBudget])).toEqual([
      ['index.html', true],
      ['auth page (AuthPage)', false],
      ['whole build', true],
    ])
  })
})

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeUndefined()
  })
})
