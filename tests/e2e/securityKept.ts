import { expect, type BrowserContext, type Page } from '@playwright/test'
import { demoPlatform, type DemoAccess } from './demoPlatform'
import { appUrl, platformUrl } from './urls'

/** One place a page put some text: `where` names it in a failure ("sessionStorage of http://…", "a requested URL"). */
export interface Kept {
  where: string
  text: string
  /** The address this text records (history entry, requested URL): some secrets are handed over in one on purpose. */
  address?: string
}

export interface KeptRecord {
  kept: Kept[]
  /** Every value typed into a password field, on any page of the context. */
  typed: Set<string>
}

/** Secrets allowed in one address: the mailed reset link holds its token; a legacy returnURL gets the app token. */
export interface SecretAllowance {
  secret: string
  address: (url: string) => boolean
}

export interface SecretsCheck {
  /** Passwords the flow handled beside those typed (the check adds every typed one). */
  passwords: string[]
  allowedIn?: SecretAllowance[]
}

const bindingName = '__keptByPage'
const passwordFieldSelector = 'input[type="password"], input[autocomplete$="password"]'
const records = new WeakMap<BrowserContext, KeptRecord>()

/**
 * Runs in every document of the context before the app: reports each write to
 * a store that outlives the page (both storages, cookies, IndexedDB, Cache
 * Storage) as it happens, so a value written then removed, or written by a popup
 * that closed since, is still seen; and each value typed into a password field,
 * so the check knows every password of the flow. History entries are seen as
 * Playwright's navigations instead: with `History` wrapped, the auth popup
 * opened by the client app no longer closed itself in Chromium.
 */
function recordWrites({ binding, selector }: { binding: string; selector: string }): void {
  const report = (where: string, text: unknown): void => {
    const send = (window as unknown as Record<string, (where: string, text: string) => void>)[binding]
    let value: string
    try {
      value = typeof text === 'string' ? text : (JSON.stringify(text) ?? String(text))
    } catch {
      value = String(text)
    }
    send?.(`${where} of ${location.origin}`, value)
  }
  const wrap = <T extends object>(
    target: T | undefined,
    name: string,
    where: (self: T, args: unknown[]) => [string, unknown],
  ): void => {
    const original = target && (target as Record<string, unknown>)[name]
    if (typeof original !== 'function') return
    ;(target as Record<string, unknown>)[name] = function (this: T, ...args: unknown[]) {
      report(...where(this, args))
      return original.apply(this, args)
    }
  }
  wrap(Storage.prototype, 'setItem', (self, args) => [
    self === window.localStorage ? 'localStorage' : 'sessionStorage',
    `${String(args[0])}=${String(args[1])}`,
  ])
  wrap(window.IDBObjectStore?.prototype, 'put', (_self, args) => ['IndexedDB', args])
  wrap(window.IDBObjectStore?.prototype, 'add', (_self, args) => ['IndexedDB', args])
  wrap(window.Cache?.prototype, 'put', (_self, args) => [
    'Cache Storage',
    String((args[0] as Request | undefined)?.url ?? args[0]),
  ])
  wrap(window.Cache?.prototype, 'add', (_self, args) => ['Cache Storage', args])
  wrap(window.Cache?.prototype, 'addAll', (_self, args) => ['Cache Storage', args])
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')
  if (cookie?.set) {
    Object.defineProperty(Document.prototype, 'cookie', {
      ...cookie,
      set(this: Document, value: string) {
        report('a cookie', value)
        cookie.set?.call(this, value)
      },
    })
  }
  document.addEventListener(
    'input',
    (event) => {
      const field = event.target
      if (field instanceof HTMLInputElement && field.matches(selector)) report('typed password', field.value)
    },
    true,
  )
}

/** Records, from now on, everything the context's pages write, log, request or navigate to. */
export async function recordKept(context: BrowserContext): Promise<KeptRecord> {
  const record: KeptRecord = { kept: [], typed: new Set() }
  await context.exposeBinding(bindingName, (_source, where: string, text: string) => {
    if (where.startsWith('typed password')) record.typed.add(text)
    else record.kept.push({ where, text })
  })
  await context.addInitScript(recordWrites, { binding: bindingName, selector: passwordFieldSelector })
  const watch = (page: Page): void => {
    page.on('console', (message) => record.kept.push({ where: 'the console', text: message.text() }))
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame())
        record.kept.push({ where: 'an address the tab was at', text: frame.url(), address: frame.url() })
    })
    page.on('request', (request) => {
      record.kept.push({ where: 'a requested URL', text: request.url(), address: request.url() })
      const referer = request.headers().referer
      if (referer) record.kept.push({ where: 'a Referer header', text: referer })
    })
  }
  context.pages().forEach(watch)
  context.on('page', watch)
  records.set(context, record)
  return record
}

/** The record `recordKept` keeps for this context (every test's context has one: see fixtures.ts). */
export function keptRecordOf(context: BrowserContext): KeptRecord {
  const record = records.get(context)
  if (!record) throw new Error('no record of what the pages kept: use the test from fixtures.ts')
  return record
}

/** What the current document's origin keeps: both storages, cookies, IndexedDB, Cache Storage and the history entry's state. */
async function keptByDocument(page: Page): Promise<Kept[]> {
  const parts = await page.evaluate(async () => {
    const found: Array<[string, string]> = [
      ['localStorage', JSON.stringify({ ...localStorage })],
      ['sessionStorage', JSON.stringify({ ...sessionStorage })],
      ['a cookie', document.cookie],
      ['a history entry', JSON.stringify(history.state)],
    ]
    for (const { name, version } of await indexedDB.databases()) {
      if (!name) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open(name, version)
        opening.onsuccess = () => resolve(opening.result)
        opening.onerror = () => reject(opening.error)
      })
      for (const store of Array.from(db.objectStoreNames)) {
        const all = db.transaction(store).objectStore(store).getAll()
        const values = await new Promise<unknown>((resolve, reject) => {
          all.onsuccess = () => resolve(all.result)
          all.onerror = () => reject(all.error)
        })
        found.push(['IndexedDB', `${name}/${store}: ${JSON.stringify(values)}`])
      }
      db.close()
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const request of await cache.keys()) {
        const response = await cache.match(request)
        found.push(['Cache Storage', `${request.url} ${await response?.text()}`])
      }
    }
    return found
  })
  const origin = new URL(page.url()).origin
  return parts.map(([where, text]) => ({ where: `${where} of ${origin} (read in the tab)`, text }))
}

// Plain files on each origin the flows use (our pages', the platform's with the client app): read there, no app code runs.
const probeAddresses = [`${appUrl}/access/favicon.svg`, `${platformUrl}/reg/service/info`]

/**
 * What the tab keeps now on its own origin and on our pages' and the client app's
 * origins. Read in the same tab, because `sessionStorage` belongs to one tab: the
 * tab is taken to a plain file of each other origin, so call this last.
 */
export async function keptByTab(page: Page): Promise<Kept[]> {
  if (page.isClosed()) return []
  const kept: Kept[] = []
  const visited = new Set<string>()
  if (/^https?:/.test(page.url())) {
    visited.add(new URL(page.url()).origin)
    kept.push(...(await keptByDocument(page)))
  }
  for (const address of probeAddresses) {
    if (visited.has(new URL(address).origin)) continue
    await page.goto(address)
    kept.push(...(await keptByDocument(page)))
  }
  const cookies = await page.context().cookies()
  kept.push({ where: 'the cookies', text: JSON.stringify(cookies) })
  return kept
}

/** Every secret the demo platform handed out or was given: personal, MFA, app and reset tokens. */
export async function platformSecrets(): Promise<{
  personal: string[]
  mfa: string[]
  access: string[]
  reset: string[]
}> {
  const [tokens, mails, state] = await Promise.all([demoPlatform.tokens(), demoPlatform.mails(), demoPlatform.state()])
  return {
    personal: tokens.filter((token) => token.kind === 'personal').map((token) => token.token),
    mfa: tokens.filter((token) => token.kind === 'mfa').map((token) => token.token),
    access: state.users.flatMap((user) => user.accesses.map((access) => access.token)),
    reset: mails.map((mail) => mail.resetToken),
  }
}

// Shorter values typed into a password field (a refused "short" one) could match unrelated text by chance.
const minTypedSecretLength = 8

/** The final value of each typed password: one typed key by key reports every prefix of it too. */
function typedPasswords(typed: Set<string>): string[] {
  const values = [...typed].filter((value) => value.length >= minTypedSecretLength)
  return values.filter((value) => !values.some((other) => other !== value && other.startsWith(value)))
}

/** A CMC accept link to our page handing this capability over (the requester's invitation). */
function handsCapabilityOver(url: string, token: string): boolean {
  if (!URL.canParse(url) || new URL(url).origin !== appUrl) return false
  const capabilityUrl = new URL(url).searchParams.get('capabilityUrl')
  return capabilityUrl !== null && URL.canParse(capabilityUrl) && new URL(capabilityUrl).username === token
}

// The app origin the test build allowlists (VITE_TRUSTED_APP_ORIGINS): the demo CMC client page's.
const trustedAppOrigin = new URL(platformUrl).origin

/** The accept page's redirect to an allowlisted app, handing it the data grant (its token in `dataGrantApiEndpoint`). */
function handsDataGrantOver(url: string, token: string): boolean {
  if (!URL.canParse(url) || new URL(url).origin !== trustedAppOrigin) return false
  const raw = new URL(url).searchParams.get('cmcAcceptResult')
  const endpoint =
    raw === null ? undefined : (JSON.parse(raw) as { dataGrantApiEndpoint?: unknown }).dataGrantApiEndpoint
  return typeof endpoint === 'string' && URL.canParse(endpoint) && new URL(endpoint).username === token
}

function cmcOf(access: DemoAccess): { role?: unknown; kind?: unknown } | undefined {
  return access.clientData?.cmc as { role?: unknown; kind?: unknown } | undefined
}

/**
 * Addresses that hand a secret over as the protocol says: the mailed reset link
 * carries its token; a legacy returnURL (the app's, never our pages') carries the
 * app's token as `prYvtoken`; a CMC accept link carries the offer's capability;
 * the accept page's redirect to an allowlisted app carries the data grant.
 */
async function handedOver(): Promise<SecretAllowance[]> {
  const mails = await demoPlatform.mails()
  const state = await demoPlatform.state()
  return [
    ...mails.map((mail) => ({ secret: mail.resetToken, address: (url: string) => url === mail.url })),
    ...state.users
      .flatMap((user) => user.accesses)
      .filter((access) => access.type !== 'personal')
      .map((access) => ({
        secret: access.token,
        address: (url: string) =>
          URL.canParse(url) &&
          new URL(url).origin !== appUrl &&
          new URL(url).searchParams.get('prYvtoken') === access.token,
      })),
    ...state.users
      .flatMap((user) => user.accesses)
      .filter((access) => cmcOf(access)?.kind === 'capability')
      .map((access) => ({ secret: access.token, address: (url: string) => handsCapabilityOver(url, access.token) })),
    ...state.users
      .flatMap((user) => user.accesses)
      .filter((access) => cmcOf(access)?.role === 'counterparty')
      .map((access) => ({ secret: access.token, address: (url: string) => handsDataGrantOver(url, access.token) })),
  ]
}

/**
 * The one secrets check: no password (typed or given) nor token the platform
 * handed out (personal, MFA, app, reset) in anything the context's pages wrote,
 * logged, requested or navigated to, nor in what the tab keeps on any origin of
 * the flow; except where `allowedIn` (or the protocol) hands it over.
 */
export async function expectNothingKept(page: Page, check: SecretsCheck): Promise<void> {
  const record = keptRecordOf(page.context())
  const tokens = await platformSecrets()
  const passwords = [...check.passwords, ...typedPasswords(record.typed)]
  const secrets = [
    ...new Set([...passwords, ...tokens.personal, ...tokens.mfa, ...tokens.access, ...tokens.reset]),
  ].filter((secret) => secret !== '')
  const allowances = [...(check.allowedIn ?? []), ...(await handedOver())]
  const kept = [...record.kept, ...(await keptByTab(page))]
  for (const secret of secrets) {
    const allowed = allowances.filter((allowance) => allowance.secret === secret)
    for (const { where, text, address } of kept) {
      if (address !== undefined && allowed.some((allowance) => allowance.address(address))) continue
      expect(text, where).not.toContain(secret)
    }
  }
}
