// Entry of the multi-root window's run (tools/vscode-test/run.mjs opens test/fixtures/multi-root's .code-workspace in
// code-server's Node extension host): bundled by esbuild into dist/test/multi-root/index.js, whose run() the host calls.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import Mocha from "mocha/lib/mocha.cjs";
import { runMocha, SilentReporter, type MochaLike } from "./run-mocha";

/** Called by the extension host with the test location; resolves when every test passed. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "tdd", timeout: 60_000, color: false, reporter: SilentReporter }) as unknown as MochaLike;
  if (process.env.GREENLIGHT_TEST_GREP) mocha.grep(new RegExp(process.env.GREENLIGHT_TEST_GREP));
  return runMocha(mocha, () => {
    mocha.suite.emit("pre-require", globalThis, "multi-root-suite", mocha);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("./multi-root.test");
  });
}
