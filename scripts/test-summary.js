#!/usr/bin/env node
/*
 * Prints the test runners' counts and the overall closing line
 * ("N passed, N failed") from Jest's JSON report and one or more Playwright
 * JSON reports (the portal's end-to-end tests, the adopter test). Fails when
 * a report is missing or any test was skipped: skipped tests are not left
 * behind in this repo.
 */
const fs = require('node:fs');

const [jestFile, ...playwrightFiles] = process.argv.slice(2);

function read(file, name) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${name}: no report at ${file} (${error.message})`);
    return undefined;
  }
}

let ok = true;
let passed = 0;
let failed = 0;
let skipped = 0;

const jest = read(jestFile, 'jest');
if (jest) {
  console.log(
    `jest: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed, ${
      jest.numPendingTests + jest.numTodoTests
    } skipped (${jest.numTotalTestSuites} suites)`,
  );
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + jest.numRuntimeErrorTestSuites;
  skipped += jest.numPendingTests + jest.numTodoTests;
} else {
  ok = false;
}

for (const [i, file] of playwrightFiles.entries()) {
  const label = file
    .split('/')
    .pop()
    .replace(/\.json$/, '');
  const name = i === 0 ? 'playwright' : `playwright (${label})`;
  const report = read(file, name);
  if (!report) {
    ok = false;
    continue;
  }
  const s = report.stats;
  console.log(
    `${name}: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${
      s.skipped
    } skipped (${s.flaky} flaky)`,
  );
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
}

if (skipped > 0) {
  console.error(`${skipped} skipped tests: remove or fix them`);
  ok = false;
}
if (passed === 0) {
  console.error('no test ran');
  ok = false;
}
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
