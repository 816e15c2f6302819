/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  // A lazy `await import('./x.js')` (node16 resolution needs the extension) names x.ts here.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Two cores: one worker per core keeps integration tests (sandbox + Redis) from starving each other.
  maxWorkers: 2,
  // The e2e suites run one at a time in one of those workers, the rest in the other.
  runner: '<rootDir>/test/support/e2e-lane-runner.ts',
  // Only a hang reaches this: a busy machine stretches a test many times over, so no test is held
  // to how long it usually takes. Waits inside tests give up sooner (HANG_MS, test/support/hang.ts)
  // and say what they were waiting for.
  testTimeout: 600_000,
};
