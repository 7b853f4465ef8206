import { describe, expect, it } from 'vitest'
import { grantedPermissions, isLocked, type ConsentChoice } from '@/services/consentGrant'

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

  it('locks only the mandatory entries when the user may choose', () => {
    expect(entries.map((entry) => isLocked(choice, entry))).toEqual([true, false, false, false])
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

  it('keeps a mandatory entry even when it is not ticked, and never sends the mandatory flag', () => {
    const granted = grantedPermissions(choice, new Set())
    expect(granted).toEqual([{ streamId: 'health', level: 'read', defaultName: 'Health' }])
    expect(granted[0]).not.toHaveProperty('mandatory')
  })

  it('sends the whole offer when it is all or nothing', () => {
    expect(grantedPermissions(allOrNothing, new Set())).toEqual(entries.map((entry) => entry.permission))
  })

  it('sends nothing when the user may choose, nothing is mandatory and nothing is ticked', () => {
    const optional = { entries: entries.slice(1), allowUserChoice: true }
    expect(grantedPermissions(optional, new Set())).toEqual([])
    expect(grantedPermissions(optional, new Set([1]))).toEqual([{ streamId: 'notes', level: 'contribute' }])
  })

  it('gives copies: changing the grant leaves the offer as it was', () => {
    const [first] = grantedPermissions(choice, new Set())
    if (first) first.level = 'manage'
    expect(entries[0]?.permission.level).toBe('read')
  })
})
