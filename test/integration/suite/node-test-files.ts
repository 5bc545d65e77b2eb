// Tests that need the Node extension host (they wait on files the harness writes); kept out of the web bundle.
/* eslint-disable @typescript-eslint/no-require-imports */

/** Loads the Node-only tests (after mocha defined suite()/test()). */
export function loadNodeOnlyTests(): void {
  require("./screenshots.test");
  require("./load.test");
  require("./stale-fix.test");
  require("./secrets.test");
  require("./grid-user-endpoint.test");
  require("./grid-stale.test");
  require("./training-config.test");
  require("./hardware-change.test");
  require("./settings-levels.test");
  require("./python-environment.test");
  // It reads the host thread with node:inspector, which the web host lacks (the web runs analyses in a Web Worker too).
  require("./responsiveness.test");
}
