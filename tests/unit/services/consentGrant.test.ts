import { describe, expect, it } from 'vitest'
import { grantedPermissions, isAppSetting, isLocked, sharesData, type ConsentChoice } from '@/services/consentGrant'

const entries = [
  { permission: { streamId: 'health', level: 'read', defaultName: 'Health' }, mandatory: true },
  { permission: { streamId: 'diary', level: 'read' }, mandatory: false },
  { permission: { streamId: 'notes', level: 'contribute' }, mandatory: false },
  { permission: { feature: 'selfRevoke', setting: 'forbidden' }, mandatory: false },
]

const choice: ConsentChoice = { entries, allowUserChoice: true }
const allOrNothing: ConsentChoice = { entries, allowUserChoice: false }

describe('isLocked', () => {
  it('locks every entry of an all-or-nothing offer', () => {
    expect(entries.map((entry) => isLocked(allOrNothing, entry))).toEqual([true, true, true, true])
  })

  it('locks the mandatory entries and the app settings when the user may choose', () => {
    expect(entries.map((entry) => isLocked(choice, entry))).toEqual([true, false, false, true])
  })
})

describe('isAppSetting', () => {
  it('tells a setting of the app (feature and setting) from data, whatever its other fields', () => {
    expect(entries.map(isAppSetting)).toEqual([false, false, false, true])
    expect(isAppSetting({ permission: { feature: 'selfRevoke' }, mandatory: false })).toBe(false)
    expect(isAppSetting({ permission: { feature: 'selfAudit', setting: 'forbidden' }, mandatory: true })).toBe(true)
  })
})

describe('sharesData', () => {
  const optional = { entries: entries.slice(1), allowUserChoice: true }

  it('shares data while a data entry stays ticked or locked', () => {
    expect(sharesData(choice, new Set())).toBe(true)
    expect(sharesData(optional, new Set([0]))).toBe(true)
    expect(sharesData(optional, new Set([1, 2]))).toBe(true)
  })

  it('shares nothing when only the app settings are left', () => {
    expect(sharesData(optional, new Set())).toBe(false)
    expect(sharesData(optional, new Set([2]))).toBe(false)
  })

  it('shares nothing through an offer of app settings only, nor an empty one', () => {
    expect(sharesData({ entries: entries.slice(3), allowUserChoice: false }, new Set([0]))).toBe(false)
    expect(sharesData({ entries: [], allowUserChoice: false }, new Set())).toBe(false)
  })
})

describe('grantedPermissions', () => {
  it('sends the locked and ticked entries in offered order, whatever order they were ticked in', () => {
    expect(grantedPermissions(choice, new Set([3, 1]))).toEqual([
      { streamId: 'health', level: 'read', defaultName: 'Health' },
      { streamId: 'diary', level: 'read' },
      { feature: 'selfRevoke', setting: 'forbidden' },
    ])
  })

  it('keeps a mandatory entry and the app settings even when not ticked, and never sends the mandatory flag', () => {
    const granted = grantedPermissions(choice, new Set())
    expect(granted).toEqual([
      { streamId: 'health', level: 'read', defaultName: 'Health' },
      { feature: 'selfRevoke', setting: 'forbidden' },
    ])
    expect(granted[0]).not.toHaveProperty('mandatory')
  })

  it('sends the whole offer when it is all or nothing', () => {
    expect(grantedPermissions(allOrNothing, new Set())).toEqual(entries.map((entry) => entry.permission))
  })

  it('sends nothing when the user may choose, nothing is mandatory and nothing is ticked', () => {
    const dataOnly = { entries: entries.slice(1, 3), allowUserChoice: true }
    expect(grantedPermissions(dataOnly, new Set())).toEqual([])
    expect(grantedPermissions(dataOnly, new Set([1]))).toEqual([{ streamId: 'notes', level: 'contribute' }])
  })

  it('gives copies: changing the grant leaves the offer as it was', () => {
    const [first] = grantedPermissions(choice, new Set())
    if (first) first.level = 'manage'
    expect(entries[0]?.permission.level).toBe('read')
  })
})
