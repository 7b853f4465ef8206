// `npm test`: everything, from a fresh clone (see README). Stops at the first failing step.
import { demoBuildEnv, ensureDependencies, ensureTestTools, run } from './bootstrap.mjs'

ensureDependencies()
ensureTestTools()
run('npx', ['eslint', '.', '--max-warnings', '0'])
run('npx', ['prettier', '--check', '.'])
run('npx', ['vue-tsc', '--build', '--force'])
run('npx', ['vitest', 'run'])
run('npx', ['vite', 'build'], demoBuildEnv)
run('npx', ['tsx', 'scripts/check-bundle-budget.ts'])
run('npx', ['playwright', 'test', '-c', 'tests/playwright.config.ts'])
