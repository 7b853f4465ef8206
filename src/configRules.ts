import { isSupportedLanguage, supportedLanguages, type Language } from './i18n/languages.ts'

/**
 * The rules of the build-time settings, in one place: vite.config.ts applies
 * them to fail a wrong build with a message saying what to fix, and
 * src/config.ts reads the same settings through them at runtime.
 * Plain TypeScript without Vite or Vue, so both can import it.
 */

/** The settings as Vite gives them (import.meta.env, or loadEnv in vite.config.ts). */
export interface ConfigEnv {
  VITE_SERVICE_INFO_URL?: string
  VITE_DNSLESS?: string
  VITE_TRUSTED_PLATFORMS?: string
  VITE_APP_ID?: string
  VITE_DEFAULT_LANGUAGE?: string
  VITE_TRUSTED_APP_ORIGINS?: string
  VITE_SILENT_MATCHING_ACCESS?: string
  VITE_TOKEN_FREE_RETURN_URL?: string
  VITE_ACCOUNT_DELETION?: string
}

export interface AppConfig {
  appId: string
  /** Absolute, or `/reg/service/info` for a DNS-less platform (resolved against the page: `{origin}/reg/service/info`). */
  defaultServiceInfoUrl: string
  trustedPlatforms: string[]
  defaultLanguage: Language
  /** Origins of the apps the CMC pages may hand a data-grant endpoint to (it carries a token). */
  trustedAppOrigins: string[]
  /** The old behaviour: an access matching the request answers the app with no screen (a crafted link can abuse it). */
  silentMatchingAccess: boolean
  /** The legacy return URL carries the poll URL only (`prYvpoll`), never `prYvtoken` nor `prYvapiEndpoint`. */
  tokenFreeReturnUrl: boolean
  /**
   * The platform lets accounts delete themselves (`user-account.delete` includes `personalToken`): the account area
   * then offers the deletion. A refusal and an unmounted route answer alike, so the page cannot find out by itself.
   */
  accountDeletion: boolean
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] }

/** Where open-pryv.io and other DNS-less platforms serve their service info, beside the pages. */
export const dnsLessServiceInfoPath = '/reg/service/info'

const defaultAppId = 'pryv-app-web-auth-3'

// The platform refuses app ids outside 6-99 characters; `@` and spaces would break its `appId@origin` trusted-apps entries.
const appIdPattern = /^[A-Za-z0-9._-]{6,99}$/

const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

// Not services/trust.ts's isLoopbackHost: vite.config.ts loads this file, and must not pull in the services.
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/** Passwords are only ever sent over https, or plain http to this machine for development. */
function secureUrlProblem(url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https://'
  if (url.protocol === 'http:' && !isLoopback(url.hostname))
    return 'must use https:// (plain http is only accepted for localhost)'
  if (url.username || url.password) return 'must not hold a user name or password'
  return null
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

function serviceInfoUrlProblem(value: string): string | null {
  const url = parseUrl(value)
  if (!url) return 'must be an absolute URL such as https://reg.example.com/service/info'
  return secureUrlProblem(url) ?? (url.hash ? 'must not hold a #fragment' : null)
}

const schemePattern = /^[a-z][a-z0-9+.-]*:\/\//i

function originProblem(entry: string): string | null {
  const url = parseUrl(entry)
  if (!url) return 'is not a valid origin'
  if (url.pathname !== '/' || url.search || url.hash)
    return `give the origin only (${url.origin}), without path or query`
  return secureUrlProblem(url)
}

function allowlistEntryProblem(entry: string): string | null {
  if (entry.startsWith('*.')) return `write "${entry.slice(2)}": a host also covers all its subdomains`
  if (schemePattern.test(entry)) return originProblem(entry)
  if (entry.includes(':') || entry.includes('/'))
    return 'give a host (pryv.me) or an origin with its scheme (https://reg.pryv.me:8443)'
  if (!hostPattern.test(entry.toLowerCase()))
    return 'is not a host name with at least two labels (a single label such as "com" would trust a whole top-level domain)'
  return null
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** A true/false switch; undefined when unset. */
function readSwitch(name: keyof ConfigEnv, value: string | undefined, problems: string[]): boolean | undefined {
  if (value === undefined || value.trim() === '') return undefined
  if (value === 'true' || value === 'false') return value === 'true'
  problems.push(`${name}="${value}": must be "true" or "false"`)
  return undefined
}

/**
 * The service info rule: VITE_DNSLESS=true means `{page origin}/reg/service/info`
 * and forbids VITE_SERVICE_INFO_URL; VITE_DNSLESS=false requires it; left unset,
 * a given URL wins and no URL means DNS-less.
 */
function readServiceInfoUrl(env: ConfigEnv, problems: string[]): string {
  const dnsLess = readSwitch('VITE_DNSLESS', env.VITE_DNSLESS, problems)
  const url = env.VITE_SERVICE_INFO_URL?.trim() ?? ''
  if (dnsLess === true && url !== '') {
    problems.push(
      `VITE_DNSLESS=true and VITE_SERVICE_INFO_URL="${url}" contradict each other: a DNS-less build reads ${dnsLessServiceInfoPath} on its own origin; remove one of them`,
    )
  } else if (dnsLess === false && url === '') {
    problems.push('VITE_DNSLESS=false needs VITE_SERVICE_INFO_URL (e.g. https://reg.example.com/service/info)')
  } else if (url !== '') {
    const problem = serviceInfoUrlProblem(url)
    if (problem) problems.push(`VITE_SERVICE_INFO_URL="${url}": ${problem}`)
  }
  return url === '' ? dnsLessServiceInfoPath : url
}

function readTrustedPlatforms(value: string | undefined, problems: string[]): string[] {
  const entries = splitList(value)
  for (const entry of entries) {
    const problem = allowlistEntryProblem(entry)
    if (problem) problems.push(`VITE_TRUSTED_PLATFORMS entry "${entry}": ${problem}`)
  }
  return entries.map((entry) => parseUrl(entry)?.origin ?? entry.toLowerCase())
}

/** App origins must be exact: a data-grant endpoint is a credential, so no host covers its subdomains here. */
function readTrustedAppOrigins(value: string | undefined, problems: string[]): string[] {
  const entries = splitList(value)
  for (const entry of entries) {
    const problem = schemePattern.test(entry)
      ? originProblem(entry)
      : 'give an origin with its scheme (https://app.example.com), not a host'
    if (problem) problems.push(`VITE_TRUSTED_APP_ORIGINS entry "${entry}": ${problem}`)
  }
  return entries.map((entry) => parseUrl(entry)?.origin ?? entry)
}

function readAppId(value: string | undefined, problems: string[]): string {
  const appId = value?.trim() || defaultAppId
  if (!appIdPattern.test(appId))
    problems.push(
      `VITE_APP_ID="${appId}": must be 6 to 99 letters, digits, ".", "_" or "-" (the platform refuses other app ids)`,
    )
  return appId
}

function readLanguage(value: string | undefined, problems: string[]): Language {
  const language = value?.trim() || 'en'
  if (isSupportedLanguage(language)) return language
  problems.push(`VITE_DEFAULT_LANGUAGE="${language}": must be one of ${supportedLanguages.join(', ')}`)
  return 'en'
}

/** Reads and checks every setting; the problems name the variable and what to write instead. */
export function parseConfig(env: ConfigEnv): ConfigResult {
  const problems: string[] = []
  const config: AppConfig = {
    appId: readAppId(env.VITE_APP_ID, problems),
    defaultServiceInfoUrl: readServiceInfoUrl(env, problems),
    trustedPlatforms: readTrustedPlatforms(env.VITE_TRUSTED_PLATFORMS, problems),
    defaultLanguage: readLanguage(env.VITE_DEFAULT_LANGUAGE, problems),
    trustedAppOrigins: readTrustedAppOrigins(env.VITE_TRUSTED_APP_ORIGINS, problems),
    silentMatchingAccess: readSwitch('VITE_SILENT_MATCHING_ACCESS', env.VITE_SILENT_MATCHING_ACCESS, problems) ?? false,
    tokenFreeReturnUrl: readSwitch('VITE_TOKEN_FREE_RETURN_URL', env.VITE_TOKEN_FREE_RETURN_URL, problems) ?? false,
    accountDeletion: readSwitch('VITE_ACCOUNT_DELETION', env.VITE_ACCOUNT_DELETION, problems) ?? false,
  }
  return problems.length === 0 ? { ok: true, config } : { ok: false, problems }
}

/** One message for all the problems, as the build prints it. */
export function describeConfigProblems(problems: readonly string[]): string {
  return `Wrong build settings (environment variables or .env file):\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nSee "Configure" in README.md.`
}
