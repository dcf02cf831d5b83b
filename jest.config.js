/**
 * Jest runs in ESM mode (NestJS 12 ships ES modules only); TypeScript is
 * compiled by SWC with decorator metadata, which Nest's injection needs.
 * Two projects: `unit` (pure logic, no servers) and `e2e` (the real app on real
 * PostgreSQL, Redis and SMTP, started once by the global setup).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

const ESM_REQUIRED_FROM_CJS = ['content-disposition'];

const common = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': swc, '^.+/node_modules/.+\\.m?js$': swc },
  // A few CommonJS packages require ESM-only ones, which Jest on Node 20 cannot load: compile those to CommonJS.
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_REQUIRED_FROM_CJS.join('|')})/)`],
  testEnvironment: 'node',
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // A global option (Jest ignores it inside a project): end-to-end tests wait for real servers and jobs.
  testTimeout: 60_000,
  // The default report, then one plain "N passed, N failed" line for the browser tests.
  reporters: ['default', '<rootDir>/test/support/browser-summary-reporter.cjs'],
  // End-to-end files mostly wait (on timers, the worker, SMTP): four at a time keep two cores busy.
  maxWorkers: 4,
  // The longest files first (on a fresh CI machine Jest would go by file size): see the file.
  testSequencer: '<rootDir>/test/support/test-sequencer.cjs',
  // Once every test has run and the global teardown has stopped the servers, exit: a handle some library leaves
  // open (a socket of a killed worker's pool, a late timer) must not keep CI waiting.
  forceExit: true,
};
