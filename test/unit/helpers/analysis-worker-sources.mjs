// Starts the analysis worker from its TypeScript sources (tests run without a build): Node's worker threads do not
// inherit the tsx loader of the test process, so this registers it (and the .py text loader) and then loads the worker.
import { register } from "tsx/esm/api";
import "../../../tools/python-text/register.mjs";

register();
await import("../../../src/node/analysis-worker.ts");
