import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { toAppError, type AppError } from '@/services/appError'
import { availableHostings, loadHostings, type Hosting, type HostingRegion } from '@/services/hostings'
import type { Service } from '@/services/platform'

export type LoadStatus = 'idle' | 'pending' | 'done' | 'error'

/** Where a new account may live: the platform's regions > zones > hostings. */
export const useHostingsStore = defineStore('hostings', () => {
  const status = ref<LoadStatus>('idle')
  const error = shallowRef<AppError | null>(null)
  const regions = shallowRef<HostingRegion[]>([])
  const available = computed<Hosting[]>(() => availableHostings(regions.value))
  let opening: Promise<Service | null> = Promise.resolve(null)
  let loading: Promise<void> = Promise.resolve()

  async function fetchHostings(): Promise<void> {
    status.value = 'pending'
    error.value = null
    try {
      const service = await opening
      if (service) regions.value = await loadHostings(service)
      status.value = 'done'
    } catch (err) {
      error.value = toAppError(err)
      status.value = 'error'
    }
  }

  /** Loads once per platform; the form is usable meanwhile. */
  function load(platform: Promise<Service | null>): void {
    if (platform === opening && status.value !== 'idle') return
    opening = platform
    loading = fetchHostings()
  }

  function retry(): void {
    loading = fetchHostings()
  }

  /** The hostings a new account may choose, once loaded (none when loading failed). */
  async function ready(): Promise<Hosting[]> {
    await loading
    return available.value
  }

  return { status, error, regions, available, load, retry, ready }
})
