// The values a script's functions receive when it runs: a `@hydra.main` function's config (composed from the
// workspace's YAML and ConfigStore nodes), a click command's option defaults, and what the file's own call sites pass
// (`train(args, loader)` at the bottom). The training plan reads its figures through them; the analyzer builds a
// model that a function constructs from its parameters (`model = SWave(**args.swave)`) through them too.
import type { Interpreter } from "../interp/interpreter";
import type { ModuleNamespaceValue, Value } from "../interp/values";
import type { ModuleFiles } from "../interp/module-resolver";
import type { Expression, Statement } from "../python/ast";
import { callSiteBindings, type OnlyCall } from "./call-site-bindings";
import { clickBindings } from "./click-options";
import type { CodeSite } from "./code-sites";
import { configStoreNodes } from "./config-store";
import { annotatedConfigBindings } from "./annotated-config-parameters";
import { dataclassEntryBindings } from "./dataclass-entry";
import { sacredBindings } from "./sacred-config";
import { evaluateAtSite, type ParameterBindings, type StepAllowance } from "./evaluate-site";
import { ginBindings } from "./gin-bindings";
import { hydraRuns, type HydraRun } from "./hydra-config";
import { methodBindings } from "./method-bindings";

/** What a file's run binds, as `runBindings` gives it. */
export interface RunBindings {
  bindings: ParameterBindings;
  /** The file's `@hydra.main` functions and the configs they receive. */
  hydra: HydraRun[];
  /** Works out expressions at a code site with the run's bindings (within the allowance). */
  evaluate: (site: CodeSite, expressions: Expression[], bound?: ParameterBindings) => Value[];
}

/** The bindings of a file's functions for the plain run of the script, sharing one step allowance. */
export function runBindings(input: {
  interpreter: Interpreter;
  namespace: ModuleNamespaceValue;
  body: Statement[];
  text: string;
  file: string;
  now: () => number;
  files?: ModuleFiles;
  root?: string;
  /** Parameters bound by the caller (a method of another file that the script's call runs). */
  bound?: ParameterBindings;
  /** Module-level statements whose calls do not bind (another model's training: models-in-turn.ts). */
  exclude?: ReadonlySet<Statement>;
  /** One call of a function read alone (calls-in-turn.ts). */
  only?: OnlyCall;
}, sites: CodeSite[], allowance: StepAllowance): RunBindings {
  const { interpreter, namespace, file, now } = input;
  const evaluate = (site: CodeSite, expressions: Expression[], bound?: ParameterBindings): Value[] =>
    evaluateAtSite(interpreter, namespace.scope, file, site.context, expressions, now, bound, allowance);
  // ConfigStore nodes (dataclasses) a `@hydra.main` may compose instead of, or beside, YAML files.
  const store = configStoreNodes(sites, (site, e) => evaluate(site, [e])[0]);
  const dictClass = interpreter.builtins.names.get("dict");
  const hydra = hydraRuns(input.body, input.files, file, input.root, dictClass?.kind === "class" ? dictClass : interpreter.objectClass, store);
  // A click command's parameters (and a function it passes its **kwargs to) are its options' defaults.
  const click = clickBindings(input.body, input.text, (e) => evaluateAtSite(interpreter, namespace.scope, file, { before: [] }, [e], now, undefined, allowance)[0]);
  const moduleLevel = (e: Expression): Value | undefined => evaluateAtSite(interpreter, namespace.scope, file, { before: [] }, [e], now, undefined, allowance)[0];
  // A pyrallis or draccus `@wrap()` function's config: its parameter's dataclass with its defaults.
  const wrapped = dataclassEntryBindings(input.body, input.text, moduleLevel);
  // A sacred captured function's parameters: the experiment's config scopes' locals of the same names, which, as
  // gin's, fill only what the call leaves out.
  const sacred = sacredBindings(input.body, input.text, (scope, names) => evaluateAtSite(interpreter, namespace.scope, file, { fn: scope, before: scope.body }, names, now, undefined, allowance), { evaluate: moduleLevel, sourceText: (f) => interpreter.loader.sourceText?.(f) });
  const functions = callSiteBindings(input.body, input.text, evaluate, (fn, name) => input.bound?.(fn, name) ?? hydra.find((r) => r.fn === fn && r.parameter === name)?.config ?? click(fn, name) ?? wrapped(fn, name), input.exclude, input.only);
  // Methods of the file's classes, from the calls on their objects (`YoloTrain().train()`, `model.train(n_epochs=30)`).
  const methods = methodBindings(input.body, input.text, evaluate, () => bindings);
  // gin's bound parameters, which a call that passes the argument overrides (gin fills only what the call leaves out).
  const gin = ginBindings(input, (site, e) => evaluate(site, e));
  // A dataclass-typed parameter of a function the file never calls: the dataclass with its defaults.
  const annotated = annotatedConfigBindings(input.body, input.text, interpreter, moduleLevel);
  const bindings: ParameterBindings = (fn, name) => functions(fn, name) ?? methods(fn, name) ?? gin(fn, name) ?? sacred(fn, name) ?? annotated(fn, name);
  return { bindings, hydra, evaluate };
}
