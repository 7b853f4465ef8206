import pluginVue from 'eslint-plugin-vue'
import skipFormatting from 'eslint-config-prettier/flat'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

export default defineConfigWithVueTs(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'reports/**',
    ],
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    files: ['src/**/*.{ts,vue}'],
    rules: {
      'no-console': 'error',
      'vue/no-v-html': 'error',
    },
  },
  {
    // Data flows page -> store -> service -> pryv: only services talk to the platform.
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'pryv', message: 'Only src/services/ may call the platform.' },
            {
              // vite.config.ts builds `vue-i18n` imports with petite-vue-i18n, which has none of these components.
              name: 'vue-i18n',
              importNames: ['I18nT', 'I18nN', 'I18nD', 'Translation', 'NumberFormat', 'DatetimeFormat'],
              message: 'The app ships petite-vue-i18n (vite.config.ts): translate with t() instead.',
            },
          ],
          patterns: [{ group: ['marked', 'dompurify'], message: 'Use services/markdown.ts.' }],
        },
      ],
    },
  },
  {
    // Services stay framework-free so they can be tested and reused without Vue.
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vue', 'vue-*', 'pinia', '@/stores/*', '@/components/*', '@/pages/*'],
              message: 'Services never import Vue.',
            },
          ],
        },
      ],
    },
  },
  // Layout is Prettier's (npm run format): ESLint's stylistic rules, such as eslint-plugin-vue's, are turned off.
  skipFormatting,
)
