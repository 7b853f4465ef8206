import { isSupportedLanguage, type Language } from './i18n/languages'

/** Build-time settings, read once from import.meta.env. */
export interface AppConfig {
  appId: string
  defaultServiceInfoUrl: string
  trustedPlatforms: string[]
  defaultLanguage: Language
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '')
}

export function readConfig(env: ImportMetaEnv): AppConfig {
  const language = env.VITE_DEFAULT_LANGUAGE ?? 'en'
  return {
    appId: env.VITE_APP_ID || 'pryv-app-web-auth-3',
    // DNS-less platforms serve service info beside the pages, as open-pryv.io does.
    defaultServiceInfoUrl: env.VITE_SERVICE_INFO_URL || '/reg/service/info',
    trustedPlatforms: splitList(env.VITE_TRUSTED_PLATFORMS),
    defaultLanguage: isSupportedLanguage(language) ? language : 'en',
  }
}

export const config: AppConfig = readConfig(import.meta.env)
