/**
 * Jest reporter: at the end of the run prints one plain line, alone on its line,
 *   "N passed, N failed"            (", N skipped" appended when tests were skipped or todo)
 * counting tests, and writes the same line to test-results/summary.txt.
 *
 * - A suite that failed without a failing test (it could not run, or a hook failed) counts as at
 *   least one failure.
 * - The line is printed when jest's process exits, so it comes after jest's own summary and after
 *   the global teardown. If jest then exits non-zero with no failure counted (a global teardown that
 *   threw, say), the line and the file say "1 failed", so they never contradict the exit code.
 * - In watch mode it is printed after every run instead.
 * - Under `npm test` (scripts/test.cjs) the browser app's Vitest run comes first; its counts, read
 *   from AVANTIKA_VITEST_REPORT, are added to the line. Vitest exiting non-zero with no failing test
 *   counted (it crashed, or wrote no report) counts as one failure.
 * - On CI (CI set, not "false"), if jest is still alive 30 s after the run (a suite leaked a timer or
 *   a socket, so "Jest did not exit one second after the test run has completed"), it is made to
 *   exit with the code jest would have used, instead of hanging the build. Override the delay with
 *   TEST_FORCE_EXIT_AFTER_S (0 disables).
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = (globalConfig && globalConfig.rootDir) || process.cwd();
    this.watch = Boolean(globalConfig && (globalConfig.watch || globalConfig.watchAll));
    this.file = path.join(this.rootDir, "test-results", "summary.txt");
    this.failureExitCode = (globalConfig && globalConfig.testFailureExitCode) || 1;
    const onCi = Boolean(process.env.CI) && process.env.CI !== "false";
    const configured = Number(process.env.TEST_FORCE_EXIT_AFTER_S);
    this.forceExitAfterS = Number.isFinite(configured) && process.env.TEST_FORCE_EXIT_AFTER_S !== "" ? configured : onCi ? 30 : 0;
    this.counts = undefined;
    this.exitHookInstalled = false;
  }

  onRunStart() {
    // A stale summary must not stand for this run if it dies midway.
    fs.rmSync(this.file, { force: true });
  }

  onRunComplete(_testContexts, results) {
    let failed = results.numFailedTests + (results.runExecError ? 1 : 0);
    for (const suite of results.testResults) {
      const suiteFailed = Boolean(suite.testExecError) || Boolean(suite.failureMessage);
      if (suiteFailed && suite.numFailingTests === 0) failed += 1;
    }
    this.counts = {
      passed: results.numPassedTests,
      failed,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    addVitest(this.counts);
    this.writeFile();
    if (this.watch) {
      process.stdout.write(`\n${this.line()}\n`);
    } else if (!this.exitHookInstalled) {
      this.exitHookInstalled = true;
      process.on("exit", (code) => {
        if ((code !== 0 || (process.exitCode || 0) !== 0) && this.counts.failed === 0) {
          this.counts.failed = 1;
          this.writeFile();
        }
        fs.writeSync(1, `\n${this.line()}\n`);
      });
      if (this.forceExitAfterS > 0) {
        setTimeout(() => {
          // results.success is only set after the reporters ran: read it now.
          const code = this.counts.failed > 0 || results.success === false ? this.failureExitCode : 0;
          process.stderr.write(
            `\njest did not exit ${this.forceExitAfterS} s after the run: a suite leaked a handle ` +
              `(find it with --detectOpenHandles); exiting with code ${code}\n`,
          );
          process.exit(code);
        }, this.forceExitAfterS * 1000).unref();
      }
    }
  }

  line() {
    const { passed, failed, skipped } = this.counts;
    return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
  }

  writeFile() {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, `${this.line()}\n`);
  }
}

/** Folds in the Vitest run that scripts/test.cjs made before jest, when there was one. */
function addVitest(counts) {
  const file = process.env.AVANTIKA_VITEST_REPORT;
  if (!file) return;
  const status = Number(process.env.AVANTIKA_VITEST_STATUS || 0);
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    if (status !== 0) counts.failed += 1;
    return;
  }
  const failedSuites = (report.testResults || []).filter((s) => s.status === "failed" && !(s.assertionResults || []).some((a) => a.status === "failed")).length;
  counts.passed += report.numPassedTests || 0;
  const failed = (report.numFailedTests || 0) + failedSuites;
  counts.failed += failed > 0 || status === 0 ? failed : 1;
  counts.skipped += (report.numPendingTests || 0) + (report.numTodoTests || 0);
}

module.exports = SummaryReporter;
