import { defineConfig } from 'vitest/config'
import appConfig from './vite.config.ts'

// The unit tests of what Stryker mutates (services, composables, stores), in Node: jsdom costs seconds
// per test file and Stryker runs them once per mutant (a test that needs a DOM says so in its docblock).
// The fuzz tests stay out: hundreds of generated cases per mutant would take hours, and the rules' edges
// are pinned case by case.
export default defineConfig((env) => {
  const config = appConfig(env)
  return {
    ...config,
    test: {
      ...config.test,
      environment: 'node',
      include: [
        'tests/unit/services/**/*.test.ts',
        'tests/unit/composables/**/*.test.ts',
        'tests/unit/stores/**/*.test.ts',
      ],
    },
  }
})
