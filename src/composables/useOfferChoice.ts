import { computed, ref, type Ref } from 'vue'
import { grantedPermissions, isLocked, sharesData, type ConsentChoice } from '@/services/consentGrant'
import { describePermission, type PermissionView } from '@/services/permissionView'
import type { StreamNaming } from '@/services/streamNames'

/** One offered entry as a consent page shows it: in words, ticked or not, locked when it cannot be unticked. */
export interface OfferRow {
  permission: PermissionView
  locked: boolean
  ticked: boolean
}

/**
 * The person's choice over an offer (OAuth or CMC): every entry ticked at first, locked ones staying so. Each row names
 * its stream by the person's own name when `naming` knows it; what is granted keeps the offer's entries as they came.
 */
export function useOfferChoice(offer: Ref<ConsentChoice | null>, naming: Ref<StreamNaming>) {
  const ticked = ref(new Set<number>())

  const rows = computed<OfferRow[]>(() => {
    const current = offer.value
    if (!current) return []
    return current.entries.map((entry, index) => {
      const locked = isLocked(current, entry)
      const permission = describePermission(naming.value(entry.permission))
      return { permission, locked, ticked: locked || ticked.value.has(index) }
    })
  })
  const granted = computed(() => (offer.value ? grantedPermissions(offer.value, ticked.value) : []))
  // Accepting with no data ticked would share nothing: Refuse says that.
  const canAccept = computed(() => (offer.value ? sharesData(offer.value, ticked.value) : false))

  function tickAll(): void {
    ticked.value = new Set(offer.value?.entries.map((_entry, index) => index))
  }

  function toggle(index: number, checked: boolean): void {
    const next = new Set(ticked.value)
    if (checked) next.add(index)
    else next.delete(index)
    ticked.value = next
  }

  return { rows, granted, canAccept, tickAll, toggle }
}
