import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

const cli = join(__dirname, "../../../../dist/cli.js");

/** Runs the built CLI and resolves with its output and the moment it exited. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; endedAt: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, TZ: "Europe/London" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr, endedAt: Date.now() }));
  });
}

describe("a grid provider that never answers", () => {
  let server: Server;
  let port: number;
  const held: import("node:http").ServerResponse[] = [];
  // When the CLI's first request arrived: the time limit runs from the call, not from Node's start-up, which a
  // loaded machine can stretch by seconds.
  let firstRequestAt: number | undefined;
  const sinceFirstRequest = (endedAt: number) => endedAt - (firstRequestAt ?? Number.NaN);
  beforeEach(() => (firstRequestAt = undefined));
  before(async () => {
    // Accepts every connection and never writes a byte back.
    server = createServer((_req, res) => {
      firstRequestAt ??= Date.now();
      held.push(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("greenlight grid falls back within the 10 s default, retries included, and says why", async function () {
    this.timeout(30_000);
    const r = await runCli(["grid", "--provider", "uk", "--endpoint", `http://127.0.0.1:${port}`]);
    assert.equal(r.code, 0, r.stderr);
    const ms = sinceFirstRequest(r.endedAt);
    assert.ok(ms < 12_000, `took ${ms} ms from the first request`);
    assert.match(r.stderr, /no answer from 127\.0\.0\.1:\d+ within 10 s/);
    assert.match(r.stdout, /OFFLINE FALLBACK/);
  });

  it("--timeout bounds the whole call, not each attempt", async function () {
    this.timeout(30_000);
    const r = await runCli(["window", "--duration", "2h", "--provider", "uk", "--endpoint", `http://127.0.0.1:${port}`, "--timeout", "2s"]);
    assert.equal(r.code, 0, r.stderr);
    // Three attempts of 2 s each and their backoff took 7.5 s before the budget covered the whole call.
    const ms = sinceFirstRequest(r.endedAt);
    assert.ok(ms < 4_000, `took ${ms} ms from the first request`);
    assert.match(r.stderr, /within 2 s/);
  });
});
