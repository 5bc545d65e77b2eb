import { VERSION } from "./version";
import { CliError, commandHelp, type CommandOutput } from "./cli-io";
import { COMMAND_NAMES, COMMAND_SPECS } from "./command-specs";

/** `greenlight --help`: every command with every option (the same specs the parser reads). */
function usage(): string {
  const sections = COMMAND_NAMES.map((name) => {
    const spec = COMMAND_SPECS[name];
    const options = spec.options.map((o) => `--${o.name}${o.value ? ` ${o.value}` : ""}`).join(" ");
    return `  ${spec.synopsis}\n      ${spec.summary}\n      options: ${options}`;
  });
  return `usage: greenlight <command> [options]   (greenlight <command> --help for each option's meaning)\n\ncommands:\n${sections.join("\n")}\n\n  --version   print the version\n  --help      show this help\n`;
}

/** True when the arguments ask for help (before a `--` that ends the options). */
function asksForHelp(argv: string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

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
    (command ? out.stdout : out.stderr)(usage());
    return command ? 0 : 2;
  }
  if (command === "--version" || command === "-v") {
    out.stdout(`greenlight ${VERSION}\n`);
    return 0;
  }
  const load = commands[command];
  if (!load) {
    out.stderr(`greenlight: unknown command '${command}' (see greenlight --help)\n`);
    return 2;
  }
  if (asksForHelp(rest)) {
    out.stdout(commandHelp(COMMAND_SPECS[command]));
    return 0;
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

// The reader went away (`greenlight analyze x.py | head`): stop quietly, as Unix tools do, instead of a stack trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`greenlight: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
