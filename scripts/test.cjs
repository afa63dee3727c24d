#!/usr/bin/env node
/**
 * `npm test`: the browser app's component tests (Vitest, in frontend/), then every jest project.
 * Jest's summary reporter folds Vitest's counts (test-results/vitest.json, written by this run)
 * into the one "N passed, N failed" line; the exit code is non-zero when either failed.
 * Arguments go to jest (`npm test -- --selectProjects unit`); AVANTIKA_SKIP_VITEST=1 skips Vitest.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const report = path.join(root, "test-results", "vitest.json");
fs.rmSync(report, { force: true });

let vitest = 0;
if (process.env.AVANTIKA_SKIP_VITEST !== "1") {
  vitest = spawnSync("npm", ["run", "test", "-w", "frontend", "--silent"], { cwd: root, stdio: "inherit" }).status ?? 1;
}
const jest = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "--ci", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, AVANTIKA_VITEST_REPORT: report, AVANTIKA_VITEST_STATUS: String(vitest) },
}).status ?? 1;
process.exit(jest !== 0 ? jest : vitest);
