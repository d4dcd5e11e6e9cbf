// Reads vitest's JSON report and prints the closing line CI counts: "N passed, N failed".
// Failed pre-test checks (format, lint, types, web build) count as failures too.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, failedChecksArg = '0', vitestStatusArg = '0'] = process.argv.slice(2);
const failedChecks = Number(failedChecksArg);
const vitestStatus = Number(vitestStatusArg);
let passed = 0;
let failed = 0;
let skipped = 0;
if (reportPath && existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
} else {
  failed = 1;
}
if (vitestStatus !== 0 && failed === 0) failed = 1;
failed += failedChecks;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
