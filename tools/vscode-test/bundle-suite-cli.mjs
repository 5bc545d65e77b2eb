#!/usr/bin/env node
// Bundles the integration suite without running it (for test/integration/run-electron.ts).
import { bundleSuite } from "./bundle-suite.mjs";

const folder = await bundleSuite(process.argv.includes("--web") ? "web" : "node");
console.log(`bundled the integration suite into ${folder}`);
