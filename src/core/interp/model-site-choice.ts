// A script often picks its model by a flag (`if args.net == 'res18': net = ResNet18() elif args.net == 'vit': ...`)
// or builds it in main() from values worked out there (`numberofclass = 1000` under `if args.dataset == ...`). Of a
// name's sites, the one the plain run reaches is the model: the branch the module's run took, else the one whose
// `if` tests hold with the script's defaults. Its call is then built with the function's values worked out as the
// training plan works out its figures (a backward slice: src/core/training/evaluate-site.ts).
import { evaluateAtSite, knownTruth as truth, type ParameterBindings } from "../training/evaluate-site";
import type { Expression } from "../python/ast";
import { forEachExpression, namesIn } from "../python/syntax-walk";
import type { Interpreter } from "./interpreter";
import { globalsBoundBefore } from "./guard-globals";
import { guardGlobals, type NestedModelSite } from "./nested-model-sites";
import { scopeValue, type Scope, type Value } from "./values";

/** The site a name's model comes from, why, and the values its call needs. */
export interface ChosenModelSite {
  site: NestedModelSite;
  /** Set when the module's own run built it (a top-level block that ran). */
  value?: Value;
  /** The function's own names the call reads, with their values (unknown where they could not be worked out). */
  locals: Map<string, Value>;
  /** Module globals the callee reads that the site's top-level block binds before it (the `__main__` guard's
   *  `x_train`), with their values: bound in the module while the call is built, as when the script runs. */
  globals: Map<string, Value>;
  /** Why this site and not the name's others, for the user; absent when the name has one site and it is plain. */
  why?: string;
}

/** Picks, of one name's sites (source order), the one the plain run builds; undefined when every site is a branch
 *  the plain run does not take. */
export function chooseModelSite(interp: Interpreter, moduleScope: Scope, file: string, sites: NestedModelSite[], now: () => number, bindings?: ParameterBindings): ChosenModelSite | undefined {
  // A top-level block the module's run executed: the branch it took is the one bound.
  const ran = sites.find((s) => !s.fn && interp.boundValues.has(s.statement));
  if (ran) {
    const others = sites.length - 1;
    return { site: ran, value: interp.boundValues.get(ran.statement), locals: new Map(), globals: new Map(), why: others > 0 ? `the branch the script's top level takes with its defaults (line ${ran.line}), of ${sites.length} assignments to '${ran.name}'` : undefined };
  }
  // Globals a function the guard calls reads from the guard (`args` of `main()`): bound while its sites are decided.
  const guardValues = new Map<string, Value>();
  for (const site of sites) {
    if (!site.fn || !site.guardBefore) continue;
    const wanted = globalsBoundBefore(site.fn, site.guardBefore, (n) => scopeValue(moduleScope, n) !== undefined).filter((n) => !guardValues.has(n));
    const values = wanted.length > 0 ? evaluateAtSite(interp, moduleScope, file, { before: site.guardBefore }, wanted.map((id) => ({ type: "name", id, pos: site.call.pos })), now, bindings) : [];
    wanted.forEach((id, i) => values[i] && values[i].kind !== "unknown" && guardValues.set(id, values[i]));
  }
  for (const [n, v] of guardValues) moduleScope.names.set(n, v);
  try {
    const chosen = chooseAmong(interp, moduleScope, file, sites, now, bindings);
    if (chosen) for (const [n, v] of guardValues) if (!chosen.globals.has(n)) chosen.globals.set(n, v);
    return chosen;
  } finally {
    for (const n of guardValues.keys()) moduleScope.names.delete(n);
  }
}


function chooseAmong(interp: Interpreter, moduleScope: Scope, file: string, sites: NestedModelSite[], now: () => number, bindings?: ParameterBindings): ChosenModelSite | undefined {
  const skipped: NestedModelSite[] = [];
  const open: { site: NestedModelSite; sure: boolean; asked?: string }[] = [];
  for (const site of sites) {
    if (site.fn === undefined && sites.some((s) => s.fn === undefined && s !== site && interp.boundValues.has(s.statement))) continue;
    // The script's `if __name__ == "__main__":` guard holds when it runs as the script it is.
    const conditions = site.conditions.filter((c) => !namesIn([c.test], new Set()).has("__name__"));
    const tests = conditions.map((c) => c.test);
    const values = tests.length > 0 ? evaluateAtSite(interp, moduleScope, file, { fn: site.fn, before: site.before }, tests, now, bindings) : [];
    const decided = conditions.map((c, i) => {
      const t = truth(values[i]);
      return t === undefined ? undefined : t === c.holds;
    });
    if (decided.some((d) => d === false)) skipped.push(site);
    else {
      // An undecided test that reads an argument the user must give (argparse `required`, stdlib/argparse.ts): the
      // plain run never gets here, and that argument, not this analysis, picks the branch.
      const asked = values.find((v, i) => decided[i] === undefined && v?.kind === "unknown" && v.required === true);
      open.push({ site, sure: decided.every((d) => d === true), asked: asked?.kind === "unknown" ? asked.reason : undefined });
    }
  }
  // A site inside a builder function that another site calls (`model = Sequential()` in `build_model`, called by the
  // guard's `model = build_model()`) is a step of that call: the call builds the whole model.
  const callees = new Set(open.map((o) => (o.site.call.func.type === "name" ? moduleScope.names.get(o.site.call.func.id) : undefined)).flatMap((v) => (v?.kind === "function" ? [v.definition] : [])));
  const outer = open.filter((o) => !(o.site.fn && callees.has(o.site.fn)));
  const chosen = outer.find((o) => o.sure) ?? outer[0];
  if (!chosen) return undefined;
  const site = chosen.site;
  const locals = new Map<string, Value>();
  if (site.locals.length > 0) {
    const names: Expression[] = [];
    const wanted = new Set(site.locals);
    forEachExpression(site.call, (e) => {
      if (e.type === "name" && wanted.has(e.id)) {
        wanted.delete(e.id);
        names.push(e);
      }
    });
    const values = evaluateAtSite(interp, moduleScope, file, { fn: site.fn, before: site.before }, names, now, bindings);
    names.forEach((e, i) => locals.set((e as Extract<Expression, { type: "name" }>).id, values[i]));
  }
  const globals = new Map<string, Value>();
  const wantedGlobals = site.fn ? [] : guardGlobals(site.call, site.before, moduleScope, file);
  if (wantedGlobals.length > 0) {
    const names: Expression[] = wantedGlobals.map((id) => ({ type: "name", id, pos: site.call.pos }));
    const values = evaluateAtSite(interp, moduleScope, file, { fn: site.fn, before: site.before }, names, now, bindings);
    wantedGlobals.forEach((id, i) => globals.set(id, values[i]));
  }
  let why: string | undefined;
  if (sites.length > 1) {
    const unsure = open.filter((o) => o !== chosen).length;
    why = chosen.sure
      ? `the branch whose conditions hold with the script's defaults (line ${site.line}), of ${sites.length} assignments to '${site.name}'`
      : `the first of ${open.length} assignments to '${site.name}' whose conditions could not be decided (line ${site.line}; ${skipped.length} other${skipped.length === 1 ? "" : "s"} ruled out by the defaults)${chosen.asked ? `; its test reads ${chosen.asked} Pass --entry to pick another` : ": pass --entry to pick another"}`;
    if (chosen.sure && unsure > 0) why += `; ${unsure} undecided`;
  }
  return { site, locals, globals, why };
}
