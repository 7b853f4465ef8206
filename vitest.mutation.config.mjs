import { defineConfig } from 'vitest/config'
import appConfig from './vite.config.ts'

// The services' unit tests, in Node: jsdom costs seconds per test file and Stryker runs them once per
// mutant (a test that needs a DOM says so in its docblock). The fuzz tests stay out: hundreds of
// generated cases per mutant would take hours, and the rules' edges are pinned case by case.
export default defineConfig((env) => {
  const config = appConfig(env)
  return {
    ...config,
    test: {
      ...config.test,
      environment: 'node',
      include: ['tests/unit/services/**/*.test.ts'],
      exclude: ['tests/unit/services/markdown.test.ts'],
    },
  }
})
