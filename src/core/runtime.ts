// The composition root: binds the interpreter to the torch catalogue, the standard library and the built-in
// packages. It lives beside analyze.ts so that interp/ never imports the libraries it interprets.
import { createTorchCatalogue, type TorchCatalogue } from "./torch/catalogue";
import { loopTrains } from "./training/loop-shape";
import { createTorchModules } from "./torch/bindings";
import { createModuleClasses } from "./torch/nn";
import { torchvisionZoo } from "./torchvision/provider";
import { torchGeometricSources } from "./torch-geometric/datasets";
import { dglSources } from "./dgl/datasets";
import { kerasModules } from "./keras/modules";
import { lightningModules } from "./lightning/modules";
import { hydraComposeApi } from "./hydra/compose-api";
import { einopsPackage } from "./interp/einops";
import { timmLayersPackage } from "./torch/timm-layers";
import { timmSchedulerPackage } from "./torch/timm-scheduler";
import { transformersArgumentsPackage } from "./interp/transformers-arguments";
import { trlPpoPackage } from "./interp/trl-ppo-package";
import { sentenceTransformersPackage } from "./interp/sentence-transformers-package";
import { configFilePackages } from "./interp/config-file-packages";
import { configPackages } from "./interp/config-packages";
import { wandbPackage } from "./interp/wandb-package";
import { matplotlibPackage } from "./interp/matplotlib-package";
import { jsonargparsePackage } from "./interp/jsonargparse-package";
import { dataclassCliPackages } from "./interp/dataclass-cli-packages";
import { docoptPackage } from "./interp/docopt-package";
import { configparserPackage } from "./interp/configparser-package";
import { gymPackage } from "./interp/gym-package";
import { pandasPackage } from "./interp/pandas-package";
import { horovodPackage } from "./interp/horovod-package";
import { pathlibPackage } from "./interp/pathlib-package";
import { sixPackage } from "./interp/six-package";
import { unslothPackage } from "./interp/unsloth-package";
import { preparingWrappersPackage } from "./interp/preparing-wrappers-package";
import { sb3ContribPackage, stableBaselines3Package } from "./interp/stable-baselines3-package";
import { createTorchHub } from "./torch/hub";
import { builtinMethods } from "./interp/builtin-methods";
import { createBuiltins } from "./interp/builtins";
import { Interpreter, type TensorOperatorObserver } from "./interp/interpreter";
import { createStandardLibrary } from "./interp/stdlib";
import type { NativeModuleProvider, Runtime } from "./interp/runtime";
import type { ModuleNamespaceValue } from "./interp/values";

let sharedCatalogue: TorchCatalogue | undefined;

/** Providers every analysis gets unless the request names its own: torchvision's model zoo, Keras and tf.keras,
 *  Lightning's LightningModule, Hydra's compose API. */
export const defaultProviders: NativeModuleProvider[] = [torchvisionZoo, kerasModules, lightningModules, hydraComposeApi];

const runtimes = new Map<string, Runtime>();

/**
 * The runtime for an analysis: built once per set of providers and reused (building the torch bindings costs
 * milliseconds on every keystroke otherwise). Native modules and classes are read-only to analyzed code; each
 * analysis starts with the interpreter's beginAnalysis.
 */
export function runtimeFor(providers: NativeModuleProvider[] = defaultProviders): Runtime {
  const key = providers.map((p) => p.name || "anonymous").join(",");
  let runtime = runtimes.get(key);
  if (!runtime) {
    runtime = createRuntime(providers);
    runtimes.set(key, runtime);
  }
  return runtime;
}

/** Builds a fresh runtime (catalogue shared: it holds no state). */
export function createRuntime(providers: NativeModuleProvider[] = defaultProviders): Runtime {
  sharedCatalogue ??= createTorchCatalogue();
  const catalogue = sharedCatalogue;
  let interpreter: Interpreter | undefined;
  // The libraries reach the interpreter through `get` only when code runs, so they are made before it and hand it,
  // once, what it must know of them (torch's tensor classes, Keras's operator observer).
  const get = () => interpreter!;
  const { scope, classes } = createBuiltins(get);
  const moduleClasses = createModuleClasses(get, classes.object);
  const nativeModules = new Map<string, ModuleNamespaceValue>();
  for (const [k, v] of createStandardLibrary(get, classes.object)) nativeModules.set(k, v);
  // open() reads a workspace file's text for yaml/json/OmegaConf (stdlib/config-files.ts).
  const open = nativeModules.get("io")?.scope.names.get("open");
  if (open) scope.names.set("open", open);
  // Python's builtins module is the built-in scope itself (docs.python.org/3/library/builtins.html): code written for
  // Python 2 and 3 (`from builtins import range`, python-future) binds the very same `range`, `zip`, `input`.
  nativeModules.set("builtins", { kind: "namespace", name: "builtins", scope });
  const torch = createTorchModules(catalogue, moduleClasses, get, classes.object);
  for (const [k, v] of torch.modules) nativeModules.set(k, v);
  const hub = createTorchHub(get);
  nativeModules.set("torch.hub", hub);
  nativeModules.get("torch")?.scope.names.set("hub", hub);
  const runtime: Runtime = { get interpreter() { return get(); }, nativeModules, moduleClasses, builtinPackages: new Map(), modelledPackages: new Map() };
  // einops is Python over native shape functions: it wins over the environment's einops (a workspace's own copy wins
  // over it), since interpreting einops' recipe parser would only be slower and more fragile for the same shapes.
  for (const [path, text] of einopsPackage) runtime.modelledPackages.set(path, text);
  // gym/gymnasium as their environments' spaces, which RL scripts size their networks from: the real registry would
  // have to build every environment's class to answer the same question, and the simulation is never run.
  for (const [path, text] of gymPackage) runtime.modelledPackages.set(path, text);
  // pandas tables as their sizes: a CSV the repository ships has its rows (pandas-package.ts)
  for (const [path, text] of pandasPackage) runtime.modelledPackages.set(path, text);
  // Horovod as one process: size() 1 and rank() 0, that scripts scale their epochs and steps by (horovod-package.ts)
  for (const [path, text] of horovodPackage) runtime.modelledPackages.set(path, text);
  // timm's layer helpers (DropPath, to_2tuple, trunc_normal_...), which model files import without timm's zoo
  for (const [path, text] of timmLayersPackage) runtime.builtinPackages.set(path, text);
  // timm's create_scheduler, whose num_epochs is the run's length in scripts copied from timm's train.py
  for (const [path, text] of timmSchedulerPackage) runtime.builtinPackages.set(path, text);
  // config containers (easydict) that scripts set their run in
  for (const [path, text] of configPackages) runtime.builtinPackages.set(path, text);
  // wandb's run configuration, that scripts set their epochs and batch in
  for (const [path, text] of wandbPackage) runtime.builtinPackages.set(path, text);
  // matplotlib's subplots grid, whose axes notebooks loop over while they train one network per setting
  for (const [path, text] of matplotlibPackage) runtime.builtinPackages.set(path, text);
  // config files that are Python code (ml_collections' config_flags, mmcv's and mmengine's Config)
  for (const [path, text] of configFilePackages) runtime.builtinPackages.set(path, text);
  // jsonargparse's parser, whose default_config_files set option defaults
  for (const [path, text] of jsonargparsePackage) runtime.builtinPackages.set(path, text);
  // pyrallis' and draccus' parsers, that build the run's dataclass config from its defaults
  for (const [path, text] of dataclassCliPackages) runtime.builtinPackages.set(path, text);
  // docopt's parser, whose usage text's [default: N] sets the options of the plain run
  for (const [path, text] of docoptPackage) runtime.builtinPackages.set(path, text);
  for (const [path, text] of configparserPackage) runtime.builtinPackages.set(path, text);
  // transformers' TrainingArguments and HfArgumentParser, that fine-tuning scripts build their run from
  for (const [path, text] of transformersArgumentsPackage) runtime.builtinPackages.set(path, text);
  // TRL's classic PPOConfig, whose batch_size the PPO trainer's dataloader batches by (trl-ppo-package.ts)
  for (const [path, text] of trlPpoPackage) runtime.builtinPackages.set(path, text);
  // sentence-transformers' training arguments, a subclass of transformers' that its trainer runs by
  for (const [path, text] of sentenceTransformersPackage) runtime.builtinPackages.set(path, text);
  // six's Python 2/3 names, that older training code reads
  for (const [path, text] of sixPackage) runtime.builtinPackages.set(path, text);
  // unsloth's is_bfloat16_supported, that fine-tuning scripts set their trainer's bf16 and fp16 by
  for (const [path, text] of unslothPackage) runtime.builtinPackages.set(path, text);
  // Apex's amp.initialize and Accelerate's prepare, that give back the model the script then calls
  for (const [path, text] of preparingWrappersPackage) runtime.builtinPackages.set(path, text);
  // Stable-Baselines3's algorithms, that build the policy network a reinforcement-learning script trains
  for (const [path, text] of [...stableBaselines3Package, ...sb3ContribPackage]) runtime.builtinPackages.set(path, text);
  // pathlib's Path, that scripts build their config paths with
  for (const [path, text] of pathlibPackage) runtime.builtinPackages.set(path, text);
  // PyTorch Geometric's graph datasets of known size (Planetoid, TUDataset, ...), whose graphs a run trains on
  for (const [path, text] of torchGeometricSources()) runtime.builtinPackages.set(path, text);
  // DGL's graph, its datasets of known size and its loaders over training node ids
  for (const [path, text] of dglSources()) runtime.builtinPackages.set(path, text);
  const observers: TensorOperatorObserver[] = [];
  for (const provider of providers) {
    const provided = provider(runtime);
    for (const [k, v] of provided.modules) nativeModules.set(k, v);
    if (provided.tensorOperatorObserver) observers.push(provided.tensorOperatorObserver);
  }
  interpreter = new Interpreter({
    builtins: scope,
    torch: catalogue,
    classes: { objectClass: classes.object, moduleBase: moduleClasses.module, builtinMethods: builtinMethods(get), tensorClasses: torch.tensorClasses },
    tensorOperatorObserver: observers.length <= 1 ? observers[0] : (op, left, right, result) => {
      for (const observe of observers) observe(op, left, right, result);
    },
    skipsTopLevel: (s) => (s.type === "for" || s.type === "while") && loopTrains(s),
  });
  return runtime;
}
