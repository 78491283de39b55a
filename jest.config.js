/** Two projects: fast unit tests, and end-to-end tests against real terraform, LXD, dnsmasq, cloud-init and QEMU. */
const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': 'ts-jest' },
  coveragePathIgnorePatterns: ['/node_modules/', '/generated/'],
  modulePathIgnorePatterns: ['<rootDir>/.jsii-stage/'],
};
module.exports = {
  // After jest's own summary: one line when end-to-end suites were skipped (why, and how to run them).
  reporters: ['default', '<rootDir>/test/support/e2e-skip-reporter.js'],
  // lib/ is built first: Terraform runs the lifecycle program from it.
  globalSetup: '<rootDir>/test/support/build-lib.js',
  projects: [
    // Unit tests mirror the code (test/src, test/constructs, test/examples, test/docs...); e2e/*.test.ts are the e2e suites.
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/[^/]+\\.test\\.ts$'],
      setupFilesAfterEnv: ['<rootDir>/test/jest-setup.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/jest-setup.ts'],
    },
  ],
};
