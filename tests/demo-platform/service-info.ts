import { htmlAnswer, jsonAnswer, type Answer } from './http.ts'
import { nowSeconds } from './ids.ts'
import type { Route } from './router.ts'
import type { PlatformConfig } from './state.ts'

const apiVersion = '2.0.0-demo'
const serial = '2025010100'

/** The `meta` of every API answer. */
export function apiMeta(): { apiVersion: string; serverTime: number; serial: string } {
  return { apiVersion, serverTime: nowSeconds(), serial }
}

export function serviceInfo(config: PlatformConfig): Record<string, unknown> {
  return {
    api: `${config.origin}/{username}/`,
    access: `${config.origin}/reg/access/`,
    register: `${config.origin}/reg/`,
    name: 'Demo Pryv.io',
    home: 'https://example.com/',
    support: 'https://example.com/support',
    terms: 'https://example.com/terms',
    eventTypes: 'https://pryv.github.io/event-types/flat.json',
    version: apiVersion,
    serial,
    features: { noHF: true },
    assets: { definitions: `${config.origin}/demo-assets/index.json` },
  }
}

/** As embedded in a poll state: the real platform leaves `version` out there. */
export function serviceInfoForPoll(config: PlatformConfig): Record<string, unknown> {
  const info = serviceInfo(config)
  delete info.version
  return info
}

/** The definitions `pryv`'s ServiceAssets reads (favicon, css), plus the logo our pages show. */
function assetDefinitions(config: PlatformConfig): Record<string, unknown> {
  return {
    baseUrl: `${config.origin}/demo-assets/`,
    href: `${config.origin}/demo-assets/index.json`,
    favicon: { default: { url: 'favicon.svg' } },
    css: { default: { url: 'style.css' } },
    logo: { default: { url: 'logo.svg' } },
  }
}

const favicon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#bd1026"/></svg>'
const logo =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#a30d22"/><circle cx="16" cy="16" r="8" fill="#fff"/></svg>'
// The demo brand colour, for light and dark themes, through the custom properties of src/styles/theme.css.
const style = `/* Demo Pryv.io brand */
:root { --color-primary: #a30d22; }
@media (prefers-color-scheme: dark) { :root { --color-primary: #ff9aa8; } }
`

function staticAnswer(contentType: string, text: string): Answer {
  return { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-cache' }, body: text }
}

const infoAnswer = (config: PlatformConfig) => jsonAnswer(200, serviceInfo(config))

export const serviceInfoRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/reg\/service\/info$/,
    meta: 'always',
    handle: ({ platform }) => infoAnswer(platform.config),
  },
  {
    method: 'GET',
    pattern: /^\/service\/info$/,
    meta: 'always',
    handle: ({ platform }) => infoAnswer(platform.config),
  },
  {
    method: 'GET',
    pattern: /^\/demo-assets\/index\.json$/,
    meta: 'never',
    handle: ({ platform }) => jsonAnswer(200, assetDefinitions(platform.config)),
  },
  {
    method: 'GET',
    pattern: /^\/demo-assets\/favicon\.svg$/,
    meta: 'never',
    handle: () => staticAnswer('image/svg+xml', favicon),
  },
  {
    method: 'GET',
    pattern: /^\/demo-assets\/logo\.svg$/,
    meta: 'never',
    handle: () => staticAnswer('image/svg+xml', logo),
  },
  {
    method: 'GET',
    pattern: /^\/demo-assets\/style\.css$/,
    meta: 'never',
    handle: () => staticAnswer('text/css; charset=utf-8', style),
  },
  {
    method: 'GET',
    pattern: /^\/$/,
    meta: 'never',
    handle: () =>
      htmlAnswer(
        200,
        '<!doctype html><title>Demo Pryv.io</title><p>Demo Pryv.io platform. Try <a href="/demo-app/">the demo app</a>.</p>',
      ),
  },
]
