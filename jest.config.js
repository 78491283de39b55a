/** Two projects: fast unit tests, and end-to-end tests against real terraform, LXD, dnsmasq, cloud-init and QEMU. */
const base = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': 'ts-jest' },
  coveragePathIgnorePatterns: ['/node_modules/', '/generated/'],
  modulePathIgnorePatterns: ['<rootDir>/.jsii-stage/'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/test/unit/jest-setup.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/jest-setup.ts'],
    },
  ],
};
