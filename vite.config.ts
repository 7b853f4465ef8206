import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import vueI18n from '@intlify/unplugin-vue-i18n/vite'
import { vueI18nWithoutVueNamespace } from './scripts/vite-plugins/vueI18nWithoutVueNamespace.ts'

const localesDir = fileURLToPath(new URL('./src/i18n/locales/**', import.meta.url))

export default defineConfig({
  // Relative asset URLs let the same build run at /access/ or under any sub-path.
  base: './',
  plugins: [
    vue({ features: { optionsAPI: false } }),
    // Messages are compiled at build time so the runtime-only vue-i18n is enough.
    vueI18n({ include: [localesDir], runtimeOnly: true, compositionOnly: true, fullInstall: false, strictMessage: true, dropMessageCompiler: true }),
    vueI18nWithoutVueNamespace(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts'],
    restoreMocks: true,
  },
})
