// Turns the suite's `HARNESS-RESULT: N passed, N failed` line into the run's closing line and exit code.
const RESULT = /HARNESS-RESULT: (\d+) passed, (\d+) failed/;

/** The counts a `HARNESS-RESULT` line reports, or undefined for any other line. */
export function reportedCounts(line) {
  const found = RESULT.exec(line);
  return found ? { passed: Number(found[1]), failed: Number(found[2]) } : undefined;
}

/**
 * Reads the counts of one run; a run that reported nothing counts as one failure. Returns the exit code
 * (non-zero unless all passed) and the counts, and prints them labelled with `what`.
 */
export function summarise({ exitCode, lines }, what) {
  const found = [...lines].reverse().map(reportedCounts).find(Boolean);
  if (!found) {
    console.log(`[vscode-test] ${what}: no results reported (exit ${exitCode})`);
    return { exitCode: exitCode || 1, passed: 0, failed: 1 };
  }
  const { passed, failed } = found;
  console.log(`[vscode-test] ${what}: ${passed} passed, ${failed} failed`);
  return { exitCode: failed > 0 ? exitCode || 1 : exitCode, passed, failed };
}

/** Prints the closing `N passed, N failed` line over all runs and returns the overall exit code. */
export function closingLine(results) {
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return results.find((r) => r.exitCode !== 0)?.exitCode ?? (failed > 0 ? 1 : 0);
}
