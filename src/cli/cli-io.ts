import { parseArgs } from "node:util";
import type { CommandSpec } from "./command-specs";

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

/** What a command line holds once parsed: FILE arguments, `--name value` options, repeated ones and flags. */
export interface ParsedCommandLine {
  positionals: string[];
  values: Map<string, string>;
  repeated: Map<string, string[]>;
  flags: Set<string>;
}

/**
 * Parses a command's arguments with node:util's parseArgs against its spec (src/cli/command-specs.ts): unknown
 * options, missing values and a wrong number of FILE arguments become a CliError that names the command's --help.
 */
export function parseCommandLine(spec: CommandSpec, argv: string[]): ParsedCommandLine {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean }> = {};
  for (const option of spec.options) options[option.name] = { type: option.value ? "string" : "boolean", ...(option.multiple ? { multiple: true } : {}) };
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError(`${parseArgsMessage(err, spec)} (see greenlight ${spec.name} --help)`);
  }
  const values = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const flags = new Set<string>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (Array.isArray(value)) repeated.set(name, value.map(String));
    else if (typeof value === "string") values.set(name, value);
    else if (value === true) flags.add(name);
  }
  const { min, max, what } = spec.positionals;
  if (parsed.positionals.length < min) throw new CliError(`${spec.name} needs ${max === 1 ? "exactly one" : "at least one"} ${what} (see greenlight ${spec.name} --help)`);
  if (parsed.positionals.length > max) {
    throw new CliError(max === 0 ? `unexpected argument '${parsed.positionals[0]}'` : `${spec.name} takes ${max === 1 ? "one" : `at most ${max}`} ${what}, got ${parsed.positionals.length}`);
  }
  return { positionals: parsed.positionals, values, repeated, flags };
}

/** parseArgs' errors in the CLI's words: "unknown option --x", "--format needs a value". */
function parseArgsMessage(err: unknown, spec: CommandSpec): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option ?? message} for ${spec.name}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const known = option && spec.options.find((o) => `--${o.name}` === option);
    return known && !known.value ? `${option} takes no value` : `${option ?? "an option"} needs a value`;
  }
  return message;
}

/** `greenlight COMMAND --help`: synopsis, what it does, every option with its value and meaning. */
export function commandHelp(spec: CommandSpec): string {
  const rows = spec.options.map((o) => [`--${o.name}${o.value ? ` ${o.value}` : ""}${o.multiple ? " (repeatable)" : ""}`, o.help]);
  const width = Math.min(34, Math.max(...rows.map(([left]) => left.length)));
  const lines = rows.map(([left, help]) => (left.length > width ? `  ${left}\n  ${" ".repeat(width)}  ${help}` : `  ${left.padEnd(width)}  ${help}`));
  return [`usage: greenlight ${spec.synopsis}`, "", spec.summary, "", "options:", ...lines, "  --help, -h".padEnd(width + 2) + "  show this help", ...(spec.notes ? ["", ...spec.notes] : []), ""].join("\n");
}
