import { defineAsyncComponent } from 'vue'

// Shown only once the person signed in: fetched then, so the sign-in form's first load does not carry them.
const loadUpdatePanel = () => import('@/components/cmc/CmcScopeUpdatePanel.vue')
const loadEndNotice = () => import('@/components/cmc/CmcScopeEndNotice.vue')

export const CmcScopeUpdatePanel = defineAsyncComponent(loadUpdatePanel)
export const CmcScopeEndNotice = defineAsyncComponent(loadEndNotice)

/** Starts fetching what the answer to a sign-in shows; module caching makes repeated calls free. */
export function preloadScopePanels(): void {
  void loadUpdatePanel()
  void loadEndNotice()
}
