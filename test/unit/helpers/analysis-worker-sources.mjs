// Starts the analysis worker from its TypeScript sources (tests run without a build): Node's worker threads do not
// inherit the tsx loader of the test process, so this registers it and then loads the worker.
import { register } from "tsx/esm/api";

register();
await import("../../../src/node/analysis-worker.ts");
