import type { Service } from 'pryv'
import { describe, expect, it } from 'vitest'
import type { AppError } from '@/services/appError'
import { availableHostings, inLanguage, loadHostings, parseHostings } from '@/services/register/hostings'

const tree = {
  regions: {
    europe: {
      name: 'Europe',
      localizedName: { fr: 'Europe (fr)' },
      zones: {
        ch: {
          name: 'Switzerland',
          localizedName: { fr: 'Suisse', de: 42 },
          hostings: {
            full: { name: 'Geneva', description: 'Full', available: false },
            open: { name: 'Lausanne', description: 'Open', localizedDescription: { fr: 'Ouvert' }, available: true },
            broken: 'not an object',
          },
        },
      },
    },
    empty: { name: 'Nowhere' },
  },
}

describe('parseHostings', () => {
  it('keeps regions > zones > hostings with their translations, leaving malformed parts out', () => {
    const regions = parseHostings(tree)
    expect(regions.map((region) => region.key)).toEqual(['europe', 'empty'])
    expect(regions[1]?.zones).toEqual([])
    const zone = regions[0]?.zones[0]
    expect(zone?.name).toEqual({ text: 'Switzerland', byLanguage: { fr: 'Suisse' } })
    expect(zone?.hostings.map((hosting) => [hosting.key, hosting.available])).toEqual([
      ['full', false],
      ['open', true],
    ])
  })

  it('lists only available hostings, in the platform order', () => {
    expect(availableHostings(parseHostings(tree)).map((hosting) => hosting.key)).toEqual(['open'])
  })

  it('names a part by its key when the platform gives no name', () => {
    expect(
      parseHostings({ regions: { r1: { zones: { z1: { hostings: { h1: { available: true } } } } } } })[0]?.zones[0]
        ?.hostings[0]?.name.text,
    ).toBe('h1')
  })

  it('names a part by its key when its name is empty too, and gives a hosting without description an empty one', () => {
    const [region] = parseHostings({ regions: { r1: { name: '', zones: { z1: { hostings: { h1: {} } } } } } })
    expect(region?.name.text).toBe('r1')
    expect(region?.zones[0]?.hostings[0]?.description).toEqual({ text: '', byLanguage: {} })
  })

  it('finds no region in an answer that is not an object', () => {
    expect(parseHostings(null)).toEqual([])
  })
})

describe('inLanguage', () => {
  const text = { text: 'Switzerland', byLanguage: { fr: 'Suisse' } }

  it('picks the translation by primary subtag, else the default text', () => {
    expect(inLanguage(text, 'fr')).toBe('Suisse')
    expect(inLanguage(text, 'fr-CH')).toBe('Suisse')
    expect(inLanguage(text, 'de')).toBe('Switzerland')
  })
})

describe('loadHostings', () => {
  const serviceAnswering = (answer: () => Promise<unknown>) => ({ availableHostings: answer }) as unknown as Service

  it('parses what pryv fetched', async () => {
    expect((await loadHostings(serviceAnswering(async () => tree))).length).toBe(2)
  })

  it('refuses an answer without regions and explains platform failures', async () => {
    for (const answer of [{ hostings: [] }, null]) {
      await expect(loadHostings(serviceAnswering(async () => answer))).rejects.toMatchObject({
        code: 'unexpected-answer',
      } satisfies Partial<AppError>)
    }
    const failure = Object.assign(new Error('HTTP 503'), {
      status: 503,
      response: { status: 503, body: { error: { id: 'api-unavailable', message: 'Down' } } },
    })
    await expect(loadHostings(serviceAnswering(() => Promise.reject(failure)))).rejects.toMatchObject({
      code: 'server',
      retryable: true,
    })
  })
})
