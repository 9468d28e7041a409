import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Node's compile cache (Node 22 and later; older Node ignores the variable), in the folder Node's
// documentation suggests: the jest workers and the bundles the end-to-end tests start, about 250
// times, then compile little but the first time.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'node-compile-cache')

// ESM + ts-jest, as in the official actions/typescript-action template.
// Two projects: `unit` (unit, query and stand-in tests, in process: the inner loop, `npm run
// test:unit`) and `e2e` (the tests that run the bundles in dist/; their global set-up refuses a
// dist/ built from other source). `npm test` runs both.
const shared = {
  clearMocks: true,
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js'],
  preset: 'ts-jest',
  resolver: 'ts-jest-resolver',
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/dist/', '/node_modules/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', useESM: true }]
  },
  setupFiles: ['<rootDir>/__tests__/helpers/quiet-workflow-commands.ts']
}

// Suites outside __tests__/e2e that run a bundle too.
const BUNDLE_SUITES = [
  '<rootDir>/__tests__/stand-in/cli.test.ts',
  '<rootDir>/__tests__/stand-in/model-strictness.test.ts',
  '<rootDir>/__tests__/unit/node-support.test.ts'
]

export default {
  // Jest's default on N cores is N - 1 workers: on 2 cores, one suite at a time while the end-to-end
  // suites mostly wait on the action's process. One worker per core keeps both cores busy.
  maxWorkers: '100%',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/{unit,queries,stand-in}/**/*.test.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, ...BUNDLE_SUITES]
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts', ...BUNDLE_SUITES],
      globalSetup: '<rootDir>/__tests__/helpers/fresh-dist.mjs'
    }
  ],
  testTimeout: 60000,
  verbose: false
}
