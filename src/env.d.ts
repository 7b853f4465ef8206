/// <reference types="vite/client" />

// The settings are described and checked in src/configRules.ts (and README.md, "Configure"); the pages read
// them, checked, from src/config.ts.
interface ImportMetaEnv {
  /** Service info used when a link carries none (e.g. https://reg.example.com/service/info). */
  readonly VITE_SERVICE_INFO_URL?: string
  /** `true`: service info at `{page origin}/reg/service/info` (DNS-less platforms such as open-pryv.io). */
  readonly VITE_DNSLESS?: string
  /** Comma-separated hosts or origins trusted beside the page's own site and loopback. */
  readonly VITE_TRUSTED_PLATFORMS?: string
  /** The app id this page signs in with; platforms list it among their trusted apps. */
  readonly VITE_APP_ID?: string
  /** Language when neither the link nor the browser gives a supported one. */
  readonly VITE_DEFAULT_LANGUAGE?: string
  /** Comma-separated origins of apps the CMC pages may hand a data-grant endpoint to. */
  readonly VITE_TRUSTED_APP_ORIGINS?: string
  /** `true`: an access matching the request answers the app with no confirmation (the old behaviour). */
  readonly VITE_SILENT_MATCHING_ACCESS?: string
  /** `true`: the legacy return URL carries `prYvpoll` but no token nor API endpoint. */
  readonly VITE_TOKEN_FREE_RETURN_URL?: string
  /** `true` when the platform lets accounts delete themselves (user-account.delete with personalToken). */
  readonly VITE_ACCOUNT_DELETION?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
