// Entry of the integration suite in a Node extension host (code-server, or VS Code desktop through
// @vscode/test-electron): bundled by esbuild into dist/test/suite/index.js, whose run() the host calls.
// Mocha's CommonJS build is bundled in, so the test bundle needs nothing from node_modules at run time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import Mocha from "mocha/lib/mocha.cjs";
import { runMocha, SilentReporter, type MochaLike } from "./run-mocha";
import { loadBrowserSafeTests } from "./test-files";
import { loadNodeOnlyTests } from "./node-test-files";

/** Called by the extension host with the test location; resolves when every test passed. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "tdd", timeout: 60_000, color: false, reporter: SilentReporter }) as unknown as MochaLike;
  // A developer's focused run: GREENLIGHT_TEST_GREP=pattern npm run test:integration (CI runs everything).
  if (process.env.GREENLIGHT_TEST_GREP) mocha.grep(new RegExp(process.env.GREENLIGHT_TEST_GREP));
  return runMocha(mocha, () => {
    mocha.suite.emit("pre-require", globalThis, "integration-suite", mocha);
    // Screenshots first, while the workbench holds only the fixtures (later tests leave editors open).
    loadNodeOnlyTests();
    loadBrowserSafeTests();
  });
}
