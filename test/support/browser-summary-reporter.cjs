// A Jest reporter: after the run, one plain line for the browser tests (the files that drive Chromium:
// test/set-password-page*, test/console-*), e.g. "Browser tests: 12 passed, 0 failed".
const BROWSER_FILES = /\/test\/(set-password-page|console-)[^/]*\.e2e-spec\.ts$/;

class BrowserSummaryReporter {
  onRunComplete(_contexts, results) {
    let passed = 0;
    let failed = 0;
    let files = 0;
    for (const file of results.testResults) {
      if (!BROWSER_FILES.test(file.testFilePath)) continue;
      files++;
      passed += file.numPassingTests;
      failed += file.numFailingTests;
      // A file that failed before its tests ran (its beforeAll: no Chromium) counts its tests as failed.
      if (file.testExecError && file.numPassingTests + file.numFailingTests === 0) failed += Math.max(1, file.testResults.length);
    }
    if (files > 0) process.stdout.write(`Browser tests: ${passed} passed, ${failed} failed\n`);
  }
}

module.exports = BrowserSummaryReporter;
