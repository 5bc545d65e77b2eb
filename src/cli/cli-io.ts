/** Where a command writes; the CLI passes process streams, tests pass collectors. */
export interface CommandOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** An error the user caused (bad arguments, unreadable file): one line on stderr and this exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = "CliError";
  }
}

/** Parses `--name value`, repeated `--name` and `--flag` options; positionals are the rest. */
export function parseOptions(
  argv: string[],
  spec: { values?: string[]; repeated?: string[]; flags?: string[] },
): { positionals: string[]; values: Map<string, string>; repeated: Map<string, string[]>; flags: Set<string> } {
  const values = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (spec.flags?.includes(name)) {
      flags.add(name);
      continue;
    }
    const isValue = spec.values?.includes(name);
    const isRepeated = spec.repeated?.includes(name);
    if (!isValue && !isRepeated) throw new CliError(`unknown option --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CliError(`--${name} needs a value`);
    if (isRepeated) repeated.set(name, [...(repeated.get(name) ?? []), value]);
    else values.set(name, value);
  }
  return { positionals, values, repeated, flags };
}
