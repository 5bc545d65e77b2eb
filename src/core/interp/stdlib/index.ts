// The Python standard-library modules the analyzer models, one file per module (or per pair that belong together).
import { einopsFunctions } from "../einops";
import { bool, NONE, unknown } from "../construct";
import { declareInputs } from "../declared-inputs";
import { createImportlibModules } from "../importlib";
import { createInspectModule } from "../inspect-signature";
import type { Interpreter } from "../interpreter";
import { createRegexModule } from "../regex";
import type { ClassValue, ModuleNamespaceValue, Value } from "../values";
import { installAbc } from "./abc";
import { installArgparse } from "./argparse";
import { installAst } from "./ast-literals";
import { installCollections } from "./collections";
import { installContextlib } from "./contextlib";
import { installConfigFiles } from "./config-files";
import { installCopy } from "./copy";
import { installAttrs } from "./attrs";
import { installPydantic } from "./pydantic";
import { installDataclasses } from "./dataclasses";
import { installEnum } from "./enum";
import { installEnvironment } from "./environment";
import { installFunctools } from "./functools";
import { installGinParse } from "./gin-parse";
import { installItertools } from "./itertools";
import { installLogging } from "./logging";
import { installMath } from "./math";
import { fn, namespace, standardLibrary } from "./native";
import { installNumpy } from "./numpy";
import { installOperator } from "./operator";
import { installOptparse } from "./optparse";
import { installCsvTables } from "./csv-tables";
import { installFolderListings } from "./folders";
import { installRunpy } from "./runpy";
import { installSklearnDatasets } from "./sklearn-datasets";
import { installSklearnModelSelection } from "./sklearn-model-selection";
import { installSklearnPreprocessing } from "./sklearn-splits";
import { installSklearnUtils } from "./sklearn-utils";
import { installStringConstants } from "./string-constants";
import { installTyper } from "./typer";
import { installTypes } from "./types";
import { installTyping } from "./typing";

/** Python standard-library modules the analyzer models (math, functools, collections, dataclasses, ...). */
export function createStandardLibrary(interp: () => Interpreter, objectClass: ClassValue): Map<string, ModuleNamespaceValue> {
  const library = standardLibrary(interp, objectClass);
  const { modules } = library;
  const prod = installMath(library);
  installFunctools(library);
  const abcClasses = installCollections(library);
  installDataclasses(library);
  installAttrs(library);
  installPydantic(library);
  installTyping(library, abcClasses);
  installContextlib(library);
  installItertools(library);
  installOperator(library);
  installStringConstants(library);
  installCopy(library);
  installArgparse(library);
  installOptparse(library);
  installAst(library);
  installLogging(library);
  installEnvironment(library);
  installAbc(library);
  installEnum(library);
  modules.set("inspect", createInspectModule(objectClass, (file) => interp().loader.sourceText?.(file)));
  installNumpy(library, prod);
  installSklearnDatasets(library);
  installSklearnModelSelection(library);
  installSklearnPreprocessing(library);
  installSklearnUtils(library);
  installTyper(library);
  installRunpy(library);
  installGinParse(library);
  installCsvTables(library);
  installFolderListings(library);
  modules.set("re", createRegexModule(objectClass, namespace, fn));
  const einops: Record<string, Value> = {};
  for (const [k, f] of Object.entries(einopsFunctions())) einops[k] = fn(`einops.${k}`, f);
  modules.set("_greenlight_einops", namespace("_greenlight_einops", einops));
  // For the analyzer's own Python stand-ins: a value it cannot know (data on disk), with the reason users will read;
  // unknown("... {} ...", where) puts `where` in when it is a known string (a path), "its folder" otherwise.
  modules.set("_greenlight_unknown", namespace("_greenlight_unknown", {
    unknown: fn("_greenlight_unknown.unknown", ({ args }) => {
      const where = args[1]?.kind === "str" ? args[1].value : "its folder";
      return unknown(args[0]?.kind === "str" ? args[0].value.replace("{}", where) : "a value the analyzer does not know");
    }),
    // Whether a value is known: a stand-in skips what it cannot read (configparser's read() of a missing file), as
    // Python skips a file it cannot open, and keeps the unknown to give, with its reason, where the file was needed.
    known: fn("_greenlight_unknown.known", ({ args }) => bool(args[0] !== undefined && args[0].kind !== "unknown")),
    // Whether a value is the user's to give (a required argument, a file at an empty path): a stand-in that reads
    // such a file gives up its defaults, where a file merely missing from the workspace leaves them standing.
    chosen_by_user: fn("_greenlight_unknown.chosen_by_user", ({ args }) => bool(args[0]?.kind === "unknown" && args[0].required === true)),
    // The input a library builds a network for (Stable-Baselines3's policy reads the environment's observations): a
    // stand-in declares it, as a Keras model declares its Input, so the network is run on it and not on a default.
    declare_input: fn("_greenlight_unknown.declare_input", ({ args }) => {
      const [model, shape] = args;
      const dims = shape?.kind === "tuple" ? shape.items.map((d) => (d.kind === "int" && d.value > 0 ? d.value : undefined)) : [];
      if (model?.kind === "instance" && model.module && dims.length > 0 && dims.every((d) => d !== undefined)) declareInputs(model, [{ shape: dims as number[], dtype: "float32" }]);
      return NONE;
    }),
  }));
  installTypes(library);
  // `open` of a workspace file, for the readers above; the builtins take it from here (runtime.ts).
  modules.set("io", namespace("io", { open: installConfigFiles(library) }));
  for (const [name, module] of createImportlibModules(interp, objectClass)) modules.set(name, module);
  return modules;
}
