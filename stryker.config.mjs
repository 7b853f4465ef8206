// Mutation testing of the services, the composables and the stores that hold a flow's rules: `npm run test:mutation`
// (add `-- --incremental` to re-test only what changed since the last run). Not part of `npm test`: it takes minutes.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.mjs' },
  coverageAnalysis: 'perTest',
  mutate: [
    // Every service and composable, so a new module is measured from its first commit.
    'src/services/**/*.ts',
    'src/composables/**/*.ts',
    // The stores that hold a flow's rules; the others only wire services to pages.
    'src/stores/auth/consent.ts',
    'src/stores/auth/authFlow.ts',
    'src/stores/oauthConsent.ts',
    'src/stores/cmcAccept.ts',
    'src/stores/cmcScopeUpdate.ts',
    // The account area's session (expiry, sign-out), withdrawal (one call per confirmation) and audit paging.
    'src/stores/account/*.ts',
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
