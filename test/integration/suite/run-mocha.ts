// Runs the integration tests with a mocha instance the host entry hands in, reports each test on the console
// (the harness reads the extension host's console) and ends with `HARNESS-RESULT: N passed, N failed`.

/** The part of mocha (Node build or browser build) this runner uses. */
export interface MochaLike {
  suite: { emit(event: string, ...args: unknown[]): unknown };
  run(done: (failures: number) => void): MochaRunner;
  grep(pattern: RegExp): unknown;
}

interface MochaRunner {
  on(event: "pass", listener: (test: { fullTitle(): string; duration?: number }) => void): MochaRunner;
  on(event: "fail", listener: (test: { fullTitle(): string }, error: Error) => void): MochaRunner;
  on(event: "pending", listener: (test: { fullTitle(): string }) => void): MochaRunner;
}

/** A reporter that prints nothing: results are logged from the runner's events below. */
export function SilentReporter(): void {
  // mocha only needs a constructor here.
}

/** Loads the tests (inside `loadTests`, after mocha defined suite/test), runs them and resolves on success. */
export function runMocha(mocha: MochaLike, loadTests: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    try {
      loadTests();
      mocha
        .run(() => {
          // Count from the runner's own events, so the line and mocha's results agree.
          console.log(`HARNESS-RESULT: ${passed} passed, ${failed} failed`);
          if (failed > 0) reject(new Error(`${failed} tests failed.`));
          else resolve();
        })
        .on("pass", (test) => {
          passed++;
          console.log(`  ✓ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
        })
        .on("fail", (test, error) => {
          failed++;
          console.log(`  ✗ ${test.fullTitle()}\n      ${String(error?.stack ?? error).split("\n").slice(0, 6).join("\n      ")}`);
        })
        .on("pending", (test) => console.log(`  - ${test.fullTitle()} (skipped)`));
    } catch (error) {
      console.log(`HARNESS-RESULT: ${passed} passed, ${failed + 1} failed`);
      reject(error);
    }
  });
}
