import { nativeClass } from "../classes";
import { NONE, unknown } from "../construct";
import type { Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";

// typer (typer.tiangolo.com/tutorial/options/ and /arguments/, 0.9+): a command's parameter
// `batch_size: int = typer.Option(96, help=...)` takes the Option's default when the command line does not give it,
// so the default run's value is that first argument (or `default=`). `typer.Option(...)` (Ellipsis) is required: no
// default run value. `app = typer.Typer()` with `@app.command()` keeps the function as written, and `app()` /
// `typer.run(main)` run it from the command line, which the analyzer does not do.
const parameterDefault = (name: string): Value =>
  fn(`typer.${name}`, ({ args, kwargs }) => {
    const given = kwargs.get("default") ?? args[0];
    return !given || given.kind === "ellipsis" ? unknown(`a required typer ${name} (no default)`) : given;
  });

/** typer's Option and Argument as their defaults, and Typer apps whose command decorator keeps the function. */
export function installTyper({ modules, objectClass }: StandardLibrary): void {
  const identity = fn("typer.Typer.command", () => fn("command decorator", ({ args }) => args[0] ?? NONE));
  const app = nativeClass("typer.Typer", [objectClass], { command: () => identity, callback: () => identity, __call__: () => NONE, add_typer: () => NONE });
  modules.set("typer", namespace("typer", { Typer: app, Option: parameterDefault("Option"), Argument: parameterDefault("Argument"), run: fn("typer.run", () => NONE), echo: fn("typer.echo", () => NONE) }));
}
