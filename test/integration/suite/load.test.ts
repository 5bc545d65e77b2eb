// Hardening (issue 9): with 2,000 Python files arriving and being analyzed, the extension host stays responsive.
// A CodeLens request on a small open file goes through the workbench and back into the extension host: it must be
// answered all through indexing and Analyze Workspace, and its latency is logged. What is asserted of time is read
// from the host thread's CPU time and V8's sampler of it (host-busy.ts), not from the requests' wall-clock latency: on a loaded
// 2-core machine a request also waits whenever code-server, the browser or other jobs hold the cores, which says
// nothing about this extension (the speed goal itself is `npm run bench`'s).
import * as assert from "assert";
import * as vscode from "vscode";
import { fixtureUri, greenlight, openFixture, waitFor } from "./helpers";
import { writeGeneratedWorkspace } from "./generated-workspace";
import { watchHostThread, type HostThreadReport } from "./host-busy";

const FILE_COUNT = 2000;
const SAMPLES = 50;
/** The longest Greenlight may hold the host's thread at a stretch while files are indexed or analyzed in bulk. */
const STRETCH_LIMIT_MS = 100;

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** Times CodeLens requests on `uri` while `busy()` holds (at least SAMPLES of them), pausing briefly between. */
async function probeLatency(uri: vscode.Uri, busy: () => boolean): Promise<{ latencies: number[]; whileBusy: number }> {
  const latencies: number[] = [];
  let whileBusy = 0;
  while (latencies.length < SAMPLES || (busy() && latencies.length < 2000)) {
    const wasBusy = busy();
    const started = performance.now();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", uri, 100);
    latencies.push(performance.now() - started);
    if (wasBusy && busy()) whileBusy++;
    assert.ok((lenses ?? []).some((lens) => lens.command?.command === "greenlight.showReport"), "the small file keeps its CodeLens");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { latencies, whileBusy };
}

function summary(phase: string, latencies: number[], whileBusy: number): void {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p50 = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  console.log(
    `      load (${phase}): ${latencies.length} CodeLens requests (${whileBusy} while busy), p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
  );
}

/** Greenlight's longest stretch on the host's thread, for the log and the assertion. */
function longestOurs(phase: string, host: HostThreadReport): number {
  const ours = [...host.gaps].sort((a, b) => b.oursMilliseconds - a.oursMilliseconds)[0];
  console.log(`      load (${phase}): longest stretch of Greenlight's code on the host's thread ${ours && ours.oursSamples > 0 ? `${ours.oursMilliseconds.toFixed(1)} ms of CPU (${ours.top.join(", ")})` : "none"}`);
  return ours?.oursMilliseconds ?? 0;
}

suite("load: 2,000 files", () => {
  const folder = () => fixtureUri("generated_load");
  let writing: Promise<unknown> = Promise.resolve();
  let indexedBefore = 0;

  suiteTeardown(async function () {
    this.timeout(300_000);
    // The later suites count the workspace's files: remove the generated ones and wait until the index forgets them.
    await writing.then(undefined, () => undefined);
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const api = await greenlight();
    await waitFor("the generated files to leave the index", () => api.indexedFiles() <= indexedBefore, 240_000);
  });

  test(`CodeLens keeps answering, and Greenlight never holds the host's thread ${STRETCH_LIMIT_MS} ms, while ${FILE_COUNT} new files are indexed, then analyzed`, async function () {
    this.timeout(600_000);
    const api = await greenlight();
    await api.indexed();
    const small = await openFixture("simple_cnn.py");
    indexedBefore = api.indexedFiles();

    // Phase 1: the files appear on disk (a checkout); the watcher reads each into the mirror.
    const indexingSampler = await watchHostThread();
    const written = writeGeneratedWorkspace(folder(), FILE_COUNT);
    writing = written;
    let indexing = true;
    const indexed = written
      .then(() => waitFor("the generated files to be indexed", () => api.indexedFiles() >= indexedBefore + FILE_COUNT + 2, 300_000))
      .finally(() => (indexing = false));
    const indexingProbe = await probeLatency(small.uri, () => indexing);
    await indexed;
    const indexingOurs = longestOurs("indexing", await indexingSampler.stop());
    summary("indexing", indexingProbe.latencies, indexingProbe.whileBusy);

    // Phase 2: Analyze Workspace over every file (the heaviest command).
    const analysisSampler = await watchHostThread();
    let analyzing = true;
    const analysis = Promise.resolve(
      vscode.commands.executeCommand<{ files: number; models: number; cancelled: boolean }>("greenlight.analyzeWorkspace"),
    ).finally(() => (analyzing = false));
    const analysisProbe = await probeLatency(small.uri, () => analyzing);
    const result = await analysis;
    const analysisOurs = longestOurs("Analyze Workspace", await analysisSampler.stop());
    summary("Analyze Workspace", analysisProbe.latencies, analysisProbe.whileBusy);

    assert.ok(result && result.files >= FILE_COUNT, `analyzed ${result?.files} files`);
    assert.ok(result.models >= FILE_COUNT, `found ${result.models} models`);
    // The probes overlapped the busy phases (else the numbers would say nothing about load).
    assert.ok(indexingProbe.whileBusy >= 3, `${indexingProbe.whileBusy} requests while indexing`);
    assert.ok(analysisProbe.whileBusy >= 3, `${analysisProbe.whileBusy} requests during Analyze Workspace`);
    assert.ok(indexingOurs < STRETCH_LIMIT_MS, `Greenlight held the host's thread ${indexingOurs.toFixed(1)} ms at a stretch while indexing`);
    assert.ok(analysisOurs < STRETCH_LIMIT_MS, `Greenlight held the host's thread ${analysisOurs.toFixed(1)} ms at a stretch during Analyze Workspace`);
  });
});
