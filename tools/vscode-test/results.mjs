// Turns the suite's `HARNESS-RESULT: N passed, N failed` line into the run's closing line and exit code.
const RESULT = /HARNESS-RESULT: (\d+) passed, (\d+) failed/;

/** Prints `N passed, N failed` as the last line and returns the exit code (non-zero unless all passed). */
export function summarise({ exitCode, lines }, what) {
  const found = [...lines].reverse().map((line) => RESULT.exec(line)).find(Boolean);
  if (!found) {
    console.log(`[vscode-test] ${what} reported no results (exit ${exitCode})`);
    console.log("0 passed, 1 failed");
    return exitCode || 1;
  }
  const passed = Number(found[1]);
  const failed = Number(found[2]);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? exitCode || 1 : exitCode;
}
