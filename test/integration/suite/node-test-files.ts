// Tests that need the Node extension host (they wait on files the harness writes); kept out of the web bundle.
/* eslint-disable @typescript-eslint/no-require-imports */

/** Loads the Node-only tests (after mocha defined suite()/test()). */
export function loadNodeOnlyTests(): void {
  require("./screenshots.test");
  require("./load.test");
  require("./stale-fix.test");
  require("./secrets.test");
  require("./grid-user-endpoint.test");
  require("./python-environment.test");
  // The web keeps analyses on its extension host (no worker there yet): the event-loop check is desktop only.
  require("./responsiveness.test");
}
