// Mutation testing of the services that hold the security rules: `npm run test:mutation`
// (add `-- --incremental` to re-test only what changed since the last run). Not part of `npm test`: it takes minutes.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.mjs' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/services/trust.ts',
    'src/services/safeUrl.ts',
    'src/services/auth/pollUrl.ts',
    'src/services/flowEnding.ts',
    'src/services/auth/appAccess.ts',
    'src/services/passwords.ts',
    'src/services/register/accountRules.ts',
    'src/services/appError.ts',
    'src/services/http.ts',
    'src/services/oauthState.ts',
    'src/services/localizedText.ts',
    'src/services/consentGrant.ts',
  ],
  ignorePatterns: ['dist', 'test-results', 'playwright-report', 'bench-results', 'reports'],
  tempDirName: 'reports/.stryker-tmp',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/mutation/incremental.json',
  thresholds: { high: 90, low: 90, break: 90 },
  concurrency: 2,
}
