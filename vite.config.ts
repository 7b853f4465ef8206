import { fileURLToPath, URL } from 'node:url'
import { loadEnv } from 'vite'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import vueI18n from '@intlify/unplugin-vue-i18n/vite'
import { entryPagesPlugin } from './scripts/post-build-entry-pages.ts'
import { vueI18nWithoutVueNamespace } from './scripts/vite-plugin-vue-i18n-without-vue-namespace.ts'
import { describeConfigProblems, parseConfig } from './src/configRules.ts'

const localesDir = fileURLToPath(new URL('./src/i18n/locales/**', import.meta.url))

// What the auth popup's first paint shares with the other pages (its form pieces, the services and the
// platform store the router connects), kept in one chunk with the libraries they need. Left to automatic
// chunking they made two more files, which cost the popup's first load 1.7 KB gzip.
const sharedWithFirstPaint = [
  'components/base/BaseButton',
  'components/base/BaseErrorAlert',
  'components/base/BaseFieldNotes',
  'components/base/BaseFormPanel',
  'components/base/BaseLoginField',
  'components/base/BasePasswordField',
  'components/base/BaseTextField',
  'components/base/fieldNotes',
  'composables/useAsyncAction',
  'composables/useFieldAlert',
  'config',
  'i18n/errorMessages',
  'services/authQuery',
  'services/browserWindow',
  'services/http',
  'services/platform',
  'services/pryvLibrary',
  'services/safeUrl',
  'services/trust',
  'services/users',
  'stores/platform',
]
const sharedChunk = new RegExp(`/src/(${sharedWithFirstPaint.join('|')})\\.|/node_modules/pinia/`)

export default defineConfig(({ mode }) => {
  // The same VITE_* values the app will read (environment and .env files), checked before anything is built.
  const settings = parseConfig(loadEnv(mode, process.cwd(), 'VITE_'))
  if (!settings.ok) throw new Error(describeConfigProblems(settings.problems))

  return {
    define: { __APP_CONFIG__: JSON.stringify(settings.config) },
    // Relative asset URLs let the same build run at /access/ or under any sub-path.
    base: './',
    plugins: [
      vue({ features: { optionsAPI: false } }),
      // Messages are compiled at build time so the runtime-only vue-i18n is enough.
      vueI18n({
        include: [localesDir],
        runtimeOnly: true,
        compositionOnly: true,
        fullInstall: false,
        strictMessage: true,
        dropMessageCompiler: true,
        module: 'petite-vue-i18n',
      }),
      vueI18nWithoutVueNamespace(),
      entryPagesPlugin(),
    ],
    resolve: {
      alias: {
        '@': fileURLToPath(new URL('./src', import.meta.url)),
        'vue-i18n': 'petite-vue-i18n/dist/petite-vue-i18n.runtime.mjs',
      },
    },
    build: {
      target: 'es2022',
      // Images stay files rather than data: URIs, so the Content-Security-Policy needs no `img-src data:`.
      assetsInlineLimit: 0,
      rolldownOptions: {
        output: {
          // The account pages', consent-step, CMC and MFA-step messages get their own names (`account-en-<hash>.js`,
          // `cmc-fr-<hash>.js`), apart from a language's core messages (`en-<hash>.js`): the bundle budget tells which
          // first load needs which.
          codeSplitting: { groups: [{ name: 'shared', test: sharedChunk }] },
          chunkFileNames: (chunk) => {
            const part = /\/src\/i18n\/locales\/(account|consent|cmc|mfa)\//.exec(chunk.facadeModuleId ?? '')?.[1]
            if (part) return `assets/${part}-[name]-[hash].js`
            // Pages and languages keep their names (the bundle budget finds them by it); other chunks are named by
            // their hash alone, since the entry lists every chunk a lazy page preloads and each name costs bytes.
            const named = /Page$/.test(chunk.name) || chunk.facadeModuleId?.includes('/src/i18n/locales/')
            return named ? 'assets/[name]-[hash].js' : 'assets/[hash].js'
          },
          // Style sheets too: the entry lists those of every lazy page.
          assetFileNames: (asset) =>
            asset.names.some((name) => name.endsWith('.css'))
              ? 'assets/[hash][extname]'
              : 'assets/[name]-[hash][extname]',
        },
      },
    },
    test: {
      environment: 'jsdom',
      include: ['tests/unit/**/*.test.ts'],
      restoreMocks: true,
    },
  }
})
