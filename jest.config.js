/** Two projects: unit tests next to the code on an in-process broker, and integration suites on
 * real servers (nats-server, PostgreSQL, Redis) that the global setup starts once per run. */
// ts-jest in transpile-only mode: type checking is `npm run typecheck`; tests stay fast.
const transform = { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] };
const common = { transform, testEnvironment: "node", moduleFileExtensions: ["ts", "js", "json"] };

module.exports = {
  testTimeout: 30000,
  // Some libraries keep timers after their clients are closed (kafkajs retry after a refused
  // start, for one); every suite stops what it started, so the run exits when the tests end.
  forceExit: true,
  reporters: ["default", "<rootDir>/test/harness/summary-reporter.js"],
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/{lib,mixins,services,gateway,k8s}/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "sandbox",
      testMatch: ["<rootDir>/sandbox/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "integration",
      testMatch: ["<rootDir>/test/integration/**/*.test.ts"],
      globalSetup: "<rootDir>/test/harness/global-setup.ts",
      globalTeardown: "<rootDir>/test/harness/global-teardown.ts",
    },
    {
      // The browser app in headless Chromium against the embedded platform (runner.ts in a child
      // process). Jest 29 reads testTimeout only globally: the suite sets its own (jest.setTimeout).
      ...common,
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
    },
  ],
};
