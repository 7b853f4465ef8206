import { describe, expect, it } from 'vitest'
import { isFeaturePermission, sameFeatures, withRequestedFeatures } from '@/services/auth/featurePermissions'

const selfRevoke = { feature: 'selfRevoke', setting: 'forbidden' }
const diary = { streamId: 'diary', level: 'read' }
const health = { streamId: 'health', level: 'read' }

describe('isFeaturePermission', () => {
  it('is a named feature without a stream', () => {
    expect(isFeaturePermission(selfRevoke)).toBe(true)
    expect(isFeaturePermission(diary)).toBe(false)
    expect(isFeaturePermission({ feature: 'selfRevoke', setting: 'forbidden', streamId: 'diary' })).toBe(false)
    expect(isFeaturePermission({ setting: 'forbidden' })).toBe(false)
    expect(isFeaturePermission({ feature: 42, setting: 'forbidden' })).toBe(false)
  })
})

describe('sameFeatures', () => {
  it('compares the feature entries only, by feature and setting, in any order', () => {
    const other = { feature: 'chat', setting: 'on' }
    expect(sameFeatures([diary, selfRevoke, other], [other, health, selfRevoke])).toBe(true)
    expect(sameFeatures([diary], [health])).toBe(true)
    expect(sameFeatures([selfRevoke], [{ feature: 'selfRevoke', setting: 'allowed' }])).toBe(false)
    expect(sameFeatures([selfRevoke], [])).toBe(false)
    expect(sameFeatures([selfRevoke, other], [selfRevoke, selfRevoke])).toBe(false)
  })
})

describe('withRequestedFeatures', () => {
  it('puts the checked stream entries in the stream places, the features where the app put them', () => {
    const checked = [
      { ...diary, name: 'Diary' },
      { ...health, name: 'Health' },
    ]
    expect(withRequestedFeatures([diary, selfRevoke, health], checked)).toEqual([checked[0], selfRevoke, checked[1]])
  })

  it('keeps a requested stream entry the check did not give back', () => {
    expect(withRequestedFeatures([diary, health], [{ ...diary, name: 'Diary' }])).toEqual([
      { ...diary, name: 'Diary' },
      health,
    ])
  })
})
