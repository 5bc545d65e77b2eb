// Lightning's `trainer.fit(model, datamodule=dm)` (or `fit(model, dm)`) trains on the loader that the data module's
// `train_dataloader` returns, after its `setup` has made the splits
// (lightning.ai/docs/pytorch/stable/data/datamodule.html). The module's class is often in another file
// (`from DataModule import LitMNISTDataset`); its batch and samples are read in those two methods, with `self` bound
// to the object the script built, as Lightning calls them.
import type { ModuleNamespaceValue, Value } from "../interp/values";
import type { Expression, FunctionDefinition } from "../python/ast";
import type { ModuleFiles } from "../interp/module-resolver";
import { instanceMethod } from "../interp/classes";
import { callsInBody, keywordArgument, positionalArgument } from "../python/syntax-walk";
import type { CodeSite } from "./code-sites";
import type { ParameterBindings } from "./evaluate-site";
import { cliConfigData, cliDefaultConfigFiles, isLightningCli, readCliConfigFiles } from "./lightning-cli";
import { dirname } from "../interp/paths";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** At most this many methods of a data module are read: setup, train_dataloader and the helpers they call. */
const MAX_METHODS = 8;

/** The methods a data module's training loader comes from, with `self` bound to the object `fit` was given. */
export interface DataModuleTraining {
  /** `prepare_data` and `setup` (where the class defines them) and `train_dataloader`, of one file. */
  definitions: FunctionDefinition[];
  module: ModuleNamespaceValue;
  file: string;
  text: string;
  bindings: ParameterBindings;
  className: string;
  /** The `fit` call in the script. */
  site: CallSite;
}

/**
 * The data module of the first `fit` call the plain run makes whose data argument (`datamodule=`, or the second
 * positional; with neither, the model itself) is an object with a Python `train_dataloader` method, or of a
 * `LightningCLI(Model, DataModule)`. `evaluate` works an expression out where the
 * call is; `runs` says whether the plain run reaches a site.
 */
export function dataModuleTraining(
  sites: CodeSite[],
  file: string,
  text: string,
  files: ModuleFiles | undefined,
  evaluate: (site: CallSite, e: Expression) => Value | undefined,
  runs: (site: CallSite) => boolean,
  root?: string,
): DataModuleTraining | undefined {
  // Only Lightning's fit takes a data module: Keras' fit(x, y) needs no evaluation of its labels here.
  if (!/lightning/i.test(text)) return undefined;
  for (const site of sites) {
    if (site.kind !== "call") continue;
    // With no data given, Lightning asks the LightningModule itself for `train_dataloader`
    // (lightning.ai/docs/pytorch/stable/common/lightning_module.html#train-dataloader): `trainer.fit(system)`.
    const argument = site.call.func.type === "attribute" && site.call.func.name === "fit"
      ? keywordArgument(site.call, "datamodule") ?? keywordArgument(site.call, "train_dataloaders") ?? positionalArgument(site.call, 1) ?? keywordArgument(site.call, "model") ?? positionalArgument(site.call, 0)
      : isLightningCli(site.callee, text) ? cliDataModule(site.call, cliDataArguments(site, file, files, root, evaluate)) : undefined;
    if (!argument || !runs(site)) continue;
    const dm = evaluate(site, argument);
    const loader = dm && instanceMethod(dm, "train_dataloader");
    if (!dm || dm.kind !== "instance" || !loader) continue;
    const home = loader.module.file;
    const source = !home ? undefined : home === file ? text : files?.read(home);
    if (!home || source === undefined) continue;
    // Lightning calls prepare_data() and setup("fit") before asking for the loader: the datasets and splits they make
    // are the loader's (a single-process plain run keeps what prepare_data sets on self: `self.mnist_train = MNIST(...)`).
    const hooks = ["prepare_data", "setup"].map((name) => instanceMethod(dm, name)).filter((m) => m !== undefined && m.module.file === home);
    const definitions = [...hooks.map((m) => m!.definition), loader.definition];
    // The helpers those methods call on `self` (`return self._data_loader(self.dataset_train)`, a library's
    // `self._split_dataset(dataset)`) run with the same object: their loaders and splits are the module's.
    for (let i = 0; i < definitions.length && definitions.length < MAX_METHODS; i++) {
      const self = definitions[i].params[0]?.name;
      for (const call of callsInBody(definitions[i].body)) {
        if (call.func.type !== "attribute" || call.func.object.type !== "name" || call.func.object.id !== self) continue;
        const helper = instanceMethod(dm, call.func.name);
        if (helper && helper.module.file === home && !definitions.includes(helper.definition) && definitions.length < MAX_METHODS) definitions.push(helper.definition);
      }
    }
    const bindings: ParameterBindings = (fn, name) => (definitions.includes(fn) && name === fn.params[0]?.name ? dm : undefined);
    return { definitions, module: loader.module, file: home, text: source, bindings, className: dm.cls.name, site };
  }
  return undefined;
}

/**
 * `LightningCLI(Model, DataModule)`: with no config the CLI builds the data module class with its defaults and fits
 * on it (lightning.ai/docs/pytorch/stable/cli/lightning_cli.html): the call `DataModule()`, evaluated where the CLI is
 * built; `LightningCLI(Model)` fits `Model()`, whose own train_dataloader is the run's. A CLI in subclass mode (no
 * class given) takes its classes from the command line: none.
 */
function cliDataModule(call: Extract<Expression, { type: "call" }>, given: Map<string, number | string | boolean>): Expression | undefined {
  // With no data module class the CLI fits the model it builds alone (`datamodule=None`), and Lightning asks that
  // model for `train_dataloader`: the call `Model()` with its defaults (LightningCLI's model_class, 1.5 through 2.x).
  const dataModule = keywordArgument(call, "datamodule_class") ?? positionalArgument(call, 1);
  const cls = dataModule ?? keywordArgument(call, "model_class") ?? positionalArgument(call, 0);
  if (!cls || cls.type === "constant") return undefined;
  if (!dataModule) given = new Map();
  // A default config file's `data:` values are the class's init arguments, as keywords of that call.
  const pos = cls.pos;
  const literal = (v: number | string | boolean): Expression =>
    typeof v === "boolean" ? { type: "constant", value: v ? "True" : "False", pos } : typeof v === "string" ? { type: "str", value: v, pos } : Number.isInteger(v) ? { type: "int", value: v, pos } : { type: "float", value: v, pos };
  return { type: "call", func: cls, args: [...given].map(([name, v]) => ({ kind: "keyword" as const, name, value: literal(v) })), pos };
}

/** The `data:` init arguments of the default config files a LightningCLI call names, later files over earlier. */
function cliDataArguments(site: CallSite, file: string, files: ModuleFiles | undefined, root: string | undefined, evaluate: (site: CallSite, e: Expression) => Value | undefined): Map<string, number | string | boolean> {
  const kwargs = keywordArgument(site.call, "parser_kwargs");
  const paths = kwargs ? cliDefaultConfigFiles(evaluate(site, kwargs)) : [];
  const merged = new Map<string, number | string | boolean>();
  if (!files || paths.length === 0) return merged;
  for (const f of readCliConfigFiles(paths, [dirname(file), ...(root ? [root] : [])], (p) => files.read(p))) for (const [k, v] of cliConfigData(f.text)) merged.set(k, v);
  return merged;
}

/** Data modules of lightning-bolts (`pl_bolts.datamodules`) whose batch_size default is 32 in 0.7.0 and the releases
 *  before it (src/pl_bolts/datamodules/*_datamodule.py): the run's batch when the package is not installed. */
const BOLTS_BATCH_32 = /^(CIFAR10|TinyCIFAR10|MNIST|BinaryMNIST|FashionMNIST|EMNIST|BinaryEMNIST|Imagenet|SSLImagenet|STL10|Cityscapes|Kitti)DataModule$/;

/** The batch of a lightning-bolts data module that `fit` is given, built where the plain run builds it
 *  (`dataset = CIFAR10DataModule('.')` under `if args.dataset == 'cifar10':`): its batch_size= or the default. */
export function boltsDataModuleBatch(
  sites: CodeSite[],
  text: string,
  evaluate: (site: CallSite, e: Expression) => Value | undefined,
  runs: (site: CallSite) => boolean,
): { value: number; line: number; detail: string; source: "code" | "default" } | undefined {
  if (!/\bpl_bolts\.datamodules\b/.test(text)) return undefined;
  for (const site of sites) {
    if (site.kind !== "call" || site.call.func.type !== "attribute" || site.call.func.name !== "fit") continue;
    const argument = keywordArgument(site.call, "datamodule") ?? positionalArgument(site.call, 1);
    if (argument?.type !== "name" || !runs(site)) continue;
    const built = sites.find((s): s is CallSite => s.kind === "call" && s.assignedTo.includes(argument.id) && BOLTS_BATCH_32.test(s.callee.split(".").pop()!) && s.call.pos.startIndex < site.call.pos.startIndex && runs(s));
    if (!built) continue;
    const given = keywordArgument(built.call, "batch_size");
    const value = given ? evaluate(built, given) : { kind: "int" as const, value: 32 };
    if (value?.kind !== "int" || value.value <= 0) continue;
    const code = text.slice(built.call.pos.startIndex, built.call.pos.endIndex).replace(/\s+/g, " ");
    return { value: value.value, line: built.call.pos.line, source: given ? "code" : "default", detail: given ? `${code} (lightning-bolts)` : `${code}: lightning-bolts' default batch_size=32 (pl_bolts/datamodules, 0.7.0 and before)` };
  }
  return undefined;
}
