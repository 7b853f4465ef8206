import type { Plugin } from 'vite'

const runtimeBuild = /[\\/](?:petite-)?vue-i18n[\\/]dist[\\/](?:petite-)?vue-i18n\.runtime\.mjs$/
const namespaceLookup =
  /const key = 'currentInstance';\s*if \(key in Vue\) \{\s*return Vue\[key\];\s*\}\s*else \{\s*(return Vue\.getCurrentInstance\(\);)\s*\}/

/**
 * vue-i18n looks `currentInstance` up dynamically on `import * as Vue`, which keeps
 * all of Vue in the bundle (transitions, hydration, custom elements: about 20 KB
 * gzip we never run). Vue's production build has no such export, so the lookup
 * always ends in `getCurrentInstance()`: call it directly and let the rest of Vue
 * be tree-shaken. Fails the build if a vue-i18n upgrade changes that code.
 */
export function vueI18nWithoutVueNamespace(): Plugin {
  return {
    name: 'vue-i18n-without-vue-namespace',
    apply: 'build',
    transform(code, id) {
      if (!runtimeBuild.test(id)) return null
      if (!namespaceLookup.test(code))
        this.error(
          'vue-i18n no longer reads `currentInstance` as expected: review scripts/vite-plugin-vue-i18n-without-vue-namespace.ts',
        )
      return { code: code.replace(namespaceLookup, '$1'), map: null }
    },
  }
}
