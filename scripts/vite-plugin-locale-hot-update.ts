import { relative, sep } from 'node:path'
import type { Plugin } from 'vite'

const clientId = 'virtual:locale-hot-update'

/**
 * The page's side: fetches the edited locale file again, compiled by the i18n plugin like any import, and merges
 * it into the running vue-i18n, but only for a language the page already loaded (the others load when chosen).
 */
const clientCode = `
import { i18n } from '/src/i18n/index.ts'
import.meta.hot?.on('app:locale-update', async ({ language, url }) => {
  if (!i18n.global.availableLocales.includes(language)) return
  const messages = (await import(/* @vite-ignore */ url + '?t=' + Date.now())).default
  i18n.global.mergeLocaleMessage(language, messages)
})
`

/**
 * `npm run dev` only: an edited message (src/i18n/locales/**.json) shows at once in the open page, which keeps its
 * state (a signed-in consent stays signed in). Vite alone reloads the whole page, as nothing accepts a locale module.
 */
export function localeHotUpdate(): Plugin {
  let root = ''
  let base = '/'
  return {
    name: 'app-web-auth3:locale-hot-update',
    apply: 'serve',
    configResolved(config) {
      root = config.root
      base = config.base
    },
    resolveId: (source) => (source === clientId ? `\0${clientId}` : undefined),
    load: (id) => (id === `\0${clientId}` ? clientCode : undefined),
    transformIndexHtml: () => [
      { tag: 'script', attrs: { type: 'module', src: `${base}@id/${clientId}` }, injectTo: 'head' },
    ],
    hotUpdate({ file }) {
      const language = /[\\/]src[\\/]i18n[\\/]locales[\\/](?:account[\\/])?([a-z]+)\.json$/.exec(file)?.[1]
      if (language === undefined || this.environment.name !== 'client') return
      this.environment.hot.send('app:locale-update', {
        language,
        url: base + relative(root, file).split(sep).join('/'),
      })
      return []
    },
  }
}
