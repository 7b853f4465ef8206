import type { AppConfig } from './configRules'

export type { AppConfig }

// Parsed and checked by vite.config.ts with src/configRules.ts, then written into the build, so the
// pages carry the settings and not the rules (a wrong setting never gets this far).
declare const __APP_CONFIG__: AppConfig

/** The build-time settings. */
export const config: AppConfig = __APP_CONFIG__
