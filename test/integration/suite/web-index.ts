// Entry of the integration suite in the web-worker extension host (@vscode/test-web): bundled for the browser
// into dist/test/web/index.js. Runs only the browser-safe tests (no Node built-ins).
import { runMocha, SilentReporter, type MochaLike } from "./run-mocha";
import { loadBrowserSafeTests } from "./test-files";

interface BrowserMocha extends MochaLike {
  setup(options: { ui: string; timeout: number }): void;
  reporter(reporter: unknown): void;
}

/** Called by the web extension host; resolves when every test passed. */
export function run(): Promise<void> {
  // Required here, not imported: mocha's UMD header would otherwise replace this bundle's module.exports.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require("mocha/mocha.js") as BrowserMocha;
  const mocha = (globalThis as unknown as { mocha?: BrowserMocha }).mocha ?? exported;
  // setup() defines suite/test on the global object (it emits pre-require itself).
  mocha.setup({ ui: "tdd", timeout: 60_000 });
  // The browser build defaults to its HTML reporter, which needs a DOM the worker does not have.
  mocha.reporter(SilentReporter);
  return runMocha(mocha, loadBrowserSafeTests);
}
