import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { useOfferChoice } from '@/composables/useOfferChoice'
import type { ConsentChoice } from '@/services/consentGrant'
import type { StreamNaming } from '@/services/streamNames'
import { describePermission } from '@/services/permissionView'
import { withStreamName } from '@/services/streamNames'

/** No names known: each permission as the offer gives it. */
const asRequested = ref<StreamNaming>((permission) => permission)
const health = { streamId: 'health', level: 'read' }
const diary = { streamId: 'diary', level: 'contribute' }
const steps = { streamId: 'steps', level: 'read' }
const choice: ConsentChoice = {
  allowUserChoice: true,
  entries: [
    { permission: health, mandatory: true },
    { permission: diary, mandatory: false },
    { permission: steps, mandatory: false },
  ],
}

describe('useOfferChoice', () => {
  it("names each row's stream as the person does, and grants the entries as offered", () => {
    const namedBy =
      (names: Map<string, string>): StreamNaming =>
      (permission) =>
        withStreamName(permission, names)
    const naming = ref(namedBy(new Map([['diary', 'My diary']])))
    const { rows, granted, tickAll } = useOfferChoice(ref(choice), naming)
    tickAll()
    expect(rows.value.map((row) => row.permission)).toEqual([
      describePermission(health),
      describePermission({ ...diary, name: 'My diary' }),
      describePermission(steps),
    ])
    expect(granted.value).toEqual([health, diary, steps])
    naming.value = namedBy(new Map([['steps', 'Steps']]))
    expect(rows.value.map((row) => row.permission)).toEqual([
      describePermission(health),
      describePermission(diary),
      describePermission({ ...steps, name: 'Steps' }),
    ])
  })

  it('shows nothing and grants nothing before an offer is there', () => {
    const { rows, granted, canAccept, tickAll } = useOfferChoice(ref(null), asRequested)
    tickAll()
    expect([rows.value, granted.value, canAccept.value]).toEqual([[], [], false])
  })

  it('ticks every entry at first, in words, the mandatory ones locked', () => {
    const { rows, granted, tickAll } = useOfferChoice(ref(choice), asRequested)
    tickAll()
    expect(rows.value).toEqual([
      { permission: describePermission(health), locked: true, ticked: true },
      { permission: describePermission(diary), locked: false, ticked: true },
      { permission: describePermission(steps), locked: false, ticked: true },
    ])
    expect(granted.value).toEqual([health, diary, steps])
  })

  it('grants what stays ticked, in offered order; a locked entry stays ticked whatever is clicked', () => {
    const { rows, granted, canAccept, tickAll, toggle } = useOfferChoice(ref(choice), asRequested)
    tickAll()
    toggle(1, false)
    toggle(0, false)
    expect(rows.value.map((row) => row.ticked)).toEqual([true, false, true])
    expect(granted.value).toEqual([health, steps])
    toggle(1, true)
    expect(granted.value).toEqual([health, diary, steps])
    expect(canAccept.value).toBe(true)
  })

  it('cannot accept once nothing is left to grant', () => {
    const optional = ref<ConsentChoice>({ allowUserChoice: true, entries: [{ permission: diary, mandatory: false }] })
    const { granted, canAccept, tickAll, toggle } = useOfferChoice(optional, asRequested)
    expect(canAccept.value).toBe(false)
    tickAll()
    expect(canAccept.value).toBe(true)
    toggle(0, false)
    expect([granted.value, canAccept.value]).toEqual([[], false])
  })

  it('keeps the app setting granted and locked, yet cannot accept with it alone', () => {
    const selfRevoke = { feature: 'selfRevoke', setting: 'forbidden' }
    const offer = ref<ConsentChoice>({
      allowUserChoice: true,
      entries: [
        { permission: diary, mandatory: false },
        { permission: selfRevoke, mandatory: false },
      ],
    })
    const { rows, granted, canAccept, tickAll, toggle } = useOfferChoice(offer, asRequested)
    tickAll()
    toggle(1, false)
    expect(rows.value[1]).toEqual({ permission: describePermission(selfRevoke), locked: true, ticked: true })
    expect([granted.value, canAccept.value]).toEqual([[diary, selfRevoke], true])
    toggle(0, false)
    expect([granted.value, canAccept.value]).toEqual([[selfRevoke], false])
  })

  it('locks every entry of an all-or-nothing offer', () => {
    const whole = ref<ConsentChoice>({ ...choice, allowUserChoice: false })
    const { rows, granted, toggle } = useOfferChoice(whole, asRequested)
    toggle(2, false)
    expect(rows.value.map((row) => [row.locked, row.ticked])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ])
    expect(granted.value).toEqual([health, diary, steps])
  })

  it('follows a new offer: rows and grant are those of the offer shown now', () => {
    const offer = ref<ConsentChoice | null>(choice)
    const { rows, granted, tickAll } = useOfferChoice(offer, asRequested)
    tickAll()
    offer.value = { allowUserChoice: true, entries: [{ permission: steps, mandatory: false }] }
    expect(rows.value).toEqual([{ permission: describePermission(steps), locked: false, ticked: true }])
    expect(granted.value).toEqual([steps])
  })
})
