import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import { availableHostings, loadHostings, type Hosting, type HostingRegion } from '@/services/register/hostings'
import { usePlatformStore } from '@/stores/platform'

/** Where a new account may live: the connected platform's regions > zones > hostings. */
export const useHostingsStore = defineStore('hostings', () => {
  const platform = usePlatformStore()
  const { status, error, run } = useAsyncAction()
  const regions = shallowRef<HostingRegion[]>([])
  const available = computed<Hosting[]>(() => availableHostings(regions.value))
  let loading: Promise<void> = Promise.resolve()

  async function fetchHostings(): Promise<void> {
    await run(async () => {
      // Service info first: its register URL must be trusted before it is called, and pryv then reuses it.
      const info = await platform.info()
      if (info && platform.service) regions.value = await loadHostings(platform.service)
    })
  }

  /** Loads once, from the platform the page connected to; the form is usable meanwhile. */
  function load(): void {
    if (status.value === 'idle') retry()
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
