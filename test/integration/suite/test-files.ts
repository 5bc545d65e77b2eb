// The test files, required only after mocha has defined suite()/test() (esbuild keeps require() lazy).
/* eslint-disable @typescript-eslint/no-require-imports */

/** Tests that run in both the Node and the web-worker extension host. */
export function loadBrowserSafeTests(): void {
  require("./smoke.test");
  require("./surfaces.test");
  require("./diagnostics.test");
  require("./commands.test");
  require("./report-calculator.test");
  require("./incremental.test");
  require("./grid-reading.test");
  require("./report-view.test");
  require("./training-lens.test");
  require("./training-unseen.test");
  require("./fix-effect.test");
  require("./generation.test");
  require("./notebook.test");
}
