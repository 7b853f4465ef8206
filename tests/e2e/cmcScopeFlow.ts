import { expect, type Page } from '@playwright/test'
import {
  cmcRecords,
  requestScopeUpdate,
  scopeUpdatePageLink,
  seedGrant,
  type CmcPermission,
  type CmcTriggerRecord,
} from './cmcPlatform'
import { platformUrl } from './urls'

export const scopeUpdateType = 'consent/scope-update-cmc'
export const demoClientUrl = `${platformUrl}/demo-cmc-client/`

export const currentScope: CmcPermission[] = [
  { streamId: 'health', level: 'read', defaultName: 'Health' },
  { streamId: 'diary', level: 'read', defaultName: 'Diary' },
]
/** The study's new scope: adds `steps`, drops `diary`, keeps `health`. */
export const proposedScope: CmcPermission[] = [
  { streamId: 'health', level: 'read', defaultName: 'Health' },
  { streamId: 'steps', level: 'contribute', defaultName: 'Steps' },
]

export interface ScopeCaseOptions {
  recipient?: string
  newPermissions?: CmcPermission[]
  message?: Record<string, string>
  expires?: number
}

/** A data grant for the recipient, then the requester's scope request delivered to them. */
export async function seedScopeRequest(options: ScopeCaseOptions = {}) {
  const recipient = options.recipient ?? 'demo-user'
  const grant = await seedGrant({ recipient, permissions: currentScope })
  const request = await requestScopeUpdate({
    recipient,
    newPermissions: options.newPermissions ?? proposedScope,
    message: options.message ?? {
      en: 'May the study also count your steps?',
      fr: 'L’étude peut-elle compter vos pas ?',
    },
    expires: options.expires ?? Math.floor(Date.now() / 1000) + 3600,
  })
  return { grant, request }
}

/** Seeds a scope request and opens our page for it by redirect back to the demo client. */
export async function openScopeRequest(page: Page, options: ScopeCaseOptions = {}) {
  const seeded = await seedScopeRequest(options)
  await page.goto(
    scopeUpdatePageLink({
      scopeRequestEventId: seeded.request.scopeRequestEventId,
      scopeStreamId: seeded.request.scopeStreamId,
      mode: 'redirect',
      returnUrl: demoClientUrl,
    }),
  )
  return seeded
}

/** The recipient's data grant as the platform holds it now. */
export async function grantOf(id: string) {
  const grant = (await cmcRecords()).grants.find((candidate) => candidate.id === id)
  expect(grant).toBeDefined()
  return grant!
}

/** The scope-update answers the person's pages wrote. */
export async function scopeAnswers(username = 'demo-user'): Promise<CmcTriggerRecord[]> {
  return (await cmcRecords()).triggers.filter(
    (trigger) => trigger.type === scopeUpdateType && trigger.username === username,
  )
}

/**
 * Waits for the page to lead the person back to the demo client, and answers the `cmcScopeUpdateResult` it
 * carried (read from the request: the client drops it from its address once shown).
 */
export async function returnToApp(page: Page): Promise<Record<string, unknown>> {
  const request = await page.waitForRequest(
    (candidate) => candidate.isNavigationRequest() && candidate.url().startsWith(`${demoClientUrl}?`),
  )
  await expect(page.locator('#returned-received-by')).toHaveText('return URL (cmcScopeUpdateResult)')
  const result = new URL(request.url()).searchParams.get('cmcScopeUpdateResult')
  return JSON.parse(result ?? 'null') as Record<string, unknown>
}
