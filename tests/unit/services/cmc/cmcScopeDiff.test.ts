import { describe, expect, it } from 'vitest'
import { changesNothing, diffScope, isCmcPlumbing, permissionIdentity, scopeApplied } from '@/services/cmc/cmcScopeDiff'

const healthRead = { streamId: 'health', level: 'read' }
const diaryRead = { streamId: 'diary', level: 'read' }
const plumbing = { streamId: ':_cmc:apps:study:collectors:demo-study--127-0-0-1', level: 'contribute' }

describe('permissionIdentity', () => {
  it('is streamId and level for a stream entry, names aside', () => {
    expect(permissionIdentity({ streamId: 'health', level: 'read', name: 'Health', defaultName: 'Santé' })).toBe(
      permissionIdentity(healthRead),
    )
    expect(permissionIdentity({ streamId: 'health', level: 'manage' })).not.toBe(permissionIdentity(healthRead))
  })

  it('is feature and setting for a feature entry', () => {
    expect(permissionIdentity({ feature: 'selfRevoke', setting: 'forbidden' })).toBe(
      permissionIdentity({ setting: 'forbidden', feature: 'selfRevoke' }),
    )
    expect(permissionIdentity({ feature: 'selfRevoke', setting: 'forbidden' })).not.toBe(
      permissionIdentity({ feature: 'selfRevoke', setting: 'allowed' }),
    )
  })

  it('is the whole entry for anything else, so two such entries differ by their content', () => {
    expect(permissionIdentity({ value: 'a' })).not.toBe(permissionIdentity({ value: 'b' }))
    expect(permissionIdentity({ value: 'a' })).toBe(permissionIdentity({ value: 'a' }))
  })

  it('keeps a stream and a feature with the same words apart', () => {
    expect(permissionIdentity({ streamId: 'x', level: 'y' })).not.toBe(
      permissionIdentity({ feature: 'x', setting: 'y' }),
    )
  })
})

describe('isCmcPlumbing', () => {
  it('is true only for streams under :_cmc:', () => {
    expect(isCmcPlumbing(plumbing)).toBe(true)
    expect(isCmcPlumbing(healthRead)).toBe(false)
    expect(isCmcPlumbing({ feature: ':_cmc:x', setting: 'allowed' })).toBe(false)
  })
})

describe('diffScope', () => {
  it('sorts the proposal into added, removed and kept, in the order given', () => {
    const steps = { streamId: 'steps', level: 'read' }
    const sleep = { streamId: 'sleep', level: 'read' }
    expect(diffScope([healthRead, diaryRead], [steps, healthRead, sleep])).toEqual({
      added: [steps, sleep],
      removed: [diaryRead],
      kept: [healthRead],
    })
  })

  it('shows a changed level as one entry removed and one added', () => {
    const healthManage = { streamId: 'health', level: 'manage' }
    expect(diffScope([healthRead], [healthManage])).toEqual({ added: [healthManage], removed: [healthRead], kept: [] })
  })

  it('counts a renamed entry as kept, with the proposed wording', () => {
    const renamed = { ...healthRead, name: 'My health' }
    expect(diffScope([healthRead], [renamed])).toEqual({ added: [], removed: [], kept: [renamed] })
  })

  it("leaves the grant's :_cmc: entries out: the platform keeps them", () => {
    expect(diffScope([plumbing, healthRead], [healthRead])).toEqual({ added: [], removed: [], kept: [healthRead] })
  })

  it('shows a proposed :_cmc: entry the grant lacks as added, so it is not applied unseen', () => {
    const inbox = { streamId: ':_cmc:inbox', level: 'manage' }
    expect(diffScope([plumbing], [inbox]).added).toEqual([inbox])
  })

  it('compares feature entries by feature and setting', () => {
    const forbidden = { feature: 'selfRevoke', setting: 'forbidden' }
    const allowed = { feature: 'selfRevoke', setting: 'allowed' }
    expect(diffScope([forbidden], [allowed])).toEqual({ added: [allowed], removed: [forbidden], kept: [] })
  })

  it('lists a repeated entry once', () => {
    expect(diffScope([healthRead, healthRead], [diaryRead, diaryRead])).toEqual({
      added: [diaryRead],
      removed: [healthRead],
      kept: [],
    })
  })

  it('removes everything when nothing is proposed', () => {
    expect(diffScope([healthRead, plumbing], [])).toEqual({ added: [], removed: [healthRead], kept: [] })
  })
})

describe('scopeApplied', () => {
  it('is true when the grant, :_cmc: entries aside, is the proposed set in any order', () => {
    expect(scopeApplied([plumbing, diaryRead, healthRead], [healthRead, diaryRead])).toBe(true)
  })

  it('is false when an entry is missing, extra or at another level', () => {
    expect(scopeApplied([plumbing, healthRead], [healthRead, diaryRead])).toBe(false)
    expect(scopeApplied([healthRead, diaryRead], [healthRead])).toBe(false)
    expect(scopeApplied([{ streamId: 'health', level: 'manage' }], [healthRead])).toBe(false)
  })

  it('ignores names and repeated entries', () => {
    expect(scopeApplied([{ ...healthRead, name: 'Health' }], [healthRead, healthRead])).toBe(true)
  })
})

describe('changesNothing', () => {
  const entry = { streamId: 'health', level: 'read' }

  it('is true only when nothing is added and nothing removed, whatever stays', () => {
    expect(changesNothing({ added: [], removed: [], kept: [entry] })).toBe(true)
    expect(changesNothing({ added: [], removed: [], kept: [] })).toBe(true)
    expect(changesNothing({ added: [entry], removed: [], kept: [entry] })).toBe(false)
    expect(changesNothing({ added: [], removed: [entry], kept: [] })).toBe(false)
  })
})
