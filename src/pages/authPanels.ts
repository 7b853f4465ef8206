import { defineAsyncComponent } from 'vue'

// Panels shown only after a sign-in answers: fetched when the user submits, so the first paint does not wait for them.
const loadConsentPanel = () => import('@/components/consent/ConsentPanel.vue')
const loadConsentMatchingPanel = () => import('@/components/consent/ConsentMatchingPanel.vue')
const loadConsentCheckPanel = () => import('@/components/consent/ConsentCheckPanel.vue')
const loadMfaStep = () => import('./SessionMfaStep.vue').then(async (step) => (await step.loadMfaMessages(), step))

export const ConsentPanel = defineAsyncComponent(loadConsentPanel)
export const ConsentMatchingPanel = defineAsyncComponent(loadConsentMatchingPanel)
export const ConsentCheckPanel = defineAsyncComponent(loadConsentCheckPanel)
export const SessionMfaStep = defineAsyncComponent(loadMfaStep)

/** Starts fetching what the answer to a sign-in may show; module caching makes repeated calls free. */
export function preloadSignInPanels(): void {
  void loadConsentPanel()
  void loadConsentMatchingPanel()
  void loadConsentCheckPanel()
  void loadMfaStep()
}
