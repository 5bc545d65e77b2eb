// A click group's subcommands run only when the command line names one: `python main.py` on a module ending in `cli()`,
// with `@cli.command() def train(...)` or `cli.add_command(train)`, prints the group's help and exits without calling
// any (click.palletsprojects.com/en/stable/commands/: a group invoked without a subcommand shows its help, as
// `no_args_is_help` defaults to `not invoke_without_command`). The plain run of such a file trains nothing.
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { attributeChain } from "../python/syntax-walk";

/** The callee of a decorator, called or not: `click.group`, `cli.command`. */
function decoratorCallee(d: Expression): string {
  return attributeChain(d.type === "call" ? d.func : d);
}

/** Whether a decorator makes a click group whose callback runs without a subcommand (`invoke_without_command=True`). */
function runsWithoutCommand(d: Expression): boolean {
  return d.type === "call" && d.args.some((a) => a.kind === "keyword" && a.name === "invoke_without_command" && a.value.type === "constant" && a.value.value === "True");
}

/** The top-level functions a click group of the module holds as subcommands: decorated `@<group>.command(...)` (or
 *  `.group`) for a function decorated `@click.group(...)`, or added with `<group>.add_command(f)`; none where the file
 *  imports no click or a group runs its own callback without a subcommand. */
export function clickSubcommands(body: Statement[], text: string): Set<FunctionDefinition> {
  const out = new Set<FunctionDefinition>();
  if (!/\bclick\b/.test(text) || !/\.(command|group|add_command)\b/.test(text)) return out;
  const functions = body.filter((s): s is FunctionDefinition => s.type === "function");
  const groups = new Set<string>();
  for (const f of functions) {
    const made = f.decorators.find((d) => /^(click\.)?group$/.test(decoratorCallee(d)));
    if (!made) continue;
    if (runsWithoutCommand(made)) return new Set();
    groups.add(f.name);
  }
  if (groups.size === 0) return out;
  for (const f of functions) if (f.decorators.some((d) => { const [g, m, ...rest] = decoratorCallee(d).split("."); return rest.length === 0 && groups.has(g) && (m === "command" || m === "group"); })) out.add(f);
  for (const s of body) {
    const call = s.type === "expression" && s.value.type === "call" ? s.value : undefined;
    if (call?.func.type !== "attribute" || call.func.name !== "add_command" || call.func.object.type !== "name" || !groups.has(call.func.object.id)) continue;
    const added = call.args[0]?.kind === "positional" ? call.args[0].value : undefined;
    const f = added?.type === "name" ? functions.find((x) => x.name === added.id) : undefined;
    if (f) out.add(f);
  }
  return out;
}

/** The statements `<group>.add_command(f)` of the module, which register a subcommand and call nothing. */
export function addCommandStatements(body: Statement[]): Statement[] {
  return body.filter((s) => s.type === "expression" && s.value.type === "call" && s.value.func.type === "attribute" && s.value.func.name === "add_command");
}
