import { CliError, type CommandOutput } from "./cli-io";

const USAGE = `usage: greenlight <command> [options]

commands:
  analyze FILE... [--entry EXPR] [--input SHAPE]... [--root DIR] [--python-env DIR] [--format table|json|markdown|sarif]
                  [--hardware ID [--host ID] [--dtype fp32|tf32|bf16|fp16|int8] [--mode inference|train] [--region CODE] [--pue N]]
                  estimate parameters and FLOPs of every model in FILE (a .py file or a folder), and with
                  --hardware its time, energy and carbon per iteration; packages resolve from --python-env,
                  else VIRTUAL_ENV, else .venv/venv under the root (read, never run)
  hardware [--format table|json]
                  list the accelerators (--hardware) and host classes (--host) with their figures
  fix FILE [--rule GL001 [--fix dynamic-int8|weight-only-int8|prune-l1|keras-quantize|...] [--line N]] [--all]
                  apply one rule's fix in place (written atomically); --all: every finding's; no --rule: list them
  grid [--provider uk|electricitymaps|watttime|carbon-aware-sdk|offline] [--region R] [--endpoint URL] [--format table|json]
                  the grid's carbon intensity now and its forecast (offline: the embedded yearly average)
  window --duration 3h [--within 24h] [--energy-kwh N] [grid options]
                  the greenest time to run a job before the deadline, and the saving against starting now
`;

type Command = (argv: string[], out: CommandOutput) => Promise<number>;

// Each command loads only its own code: `greenlight grid` must not pay for the analyzer, nor `--version` for any.
const commands: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import("./commands/analyze")).runAnalyze,
  fix: async () => (await import("./commands/fix")).runFix,
  grid: async () => (await import("./commands/grid")).runGrid,
  hardware: async () => (await import("./commands/hardware")).runHardware,
  window: async () => (await import("./commands/window")).runWindow,
};

async function main(argv: string[]): Promise<number> {
  const out: CommandOutput = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    out.stdout(USAGE);
    return command ? 0 : 2;
  }
  if (command === "--version") {
    out.stdout("greenlight 0.1.0\n");
    return 0;
  }
  const load = commands[command];
  if (!load) {
    out.stderr(`greenlight: unknown command '${command}' (see greenlight --help)\n`);
    return 2;
  }
  try {
    const run = await load();
    return await run(rest, out);
  } catch (err) {
    if (err instanceof CliError) {
      out.stderr(`greenlight: ${err.message}\n`);
      return err.exitCode;
    }
    out.stderr(`greenlight: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`greenlight: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
