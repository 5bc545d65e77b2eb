import { float } from "../construct";
import { numpyArrayFunctions, numpyRandomFunctions, numpyScalarTypes, numpyTableFunctions } from "../numpy-arrays";
import { numpyJoinFunctions } from "../numpy-joins";
import { numpyReductionFunctions } from "../numpy-reductions";
import { numpyWrappedFunctions } from "../numpy-wrapped";
import { numpyDotFunctions, numpyRepeatFunctions } from "../numpy-array-methods";
import { numpyRandomObjects } from "../numpy-random-objects";
import type { Value } from "../values";
import { fn, namespace, num, quiet, type StandardLibrary } from "./native";
import { numpyTextLoaders } from "./numpy-text-files";

/** numpy's scalar functions, array builders and scalar types; `prod` is math.prod. */
export function installNumpy(library: StandardLibrary, prod: Value): void {
  const { modules, objectClass } = library;
  const numpy = namespace("numpy", {
    ...numpyTextLoaders(library),
    ...numpyArrayFunctions(fn),
    prod,
    sqrt: fn("np.sqrt", ({ args }) => float(Math.sqrt(num(args[0])))),
    log2: fn("np.log2", ({ args }) => float(Math.log2(num(args[0])))),
    log: fn("np.log", ({ args }) => float(Math.log(num(args[0])))),
    ceil: fn("np.ceil", ({ args }) => float(Math.ceil(num(args[0])))),
    floor: fn("np.floor", ({ args }) => float(Math.floor(num(args[0])))),
    pi: float(Math.PI),
    ...numpyTableFunctions(fn),
    ...numpyJoinFunctions(fn),
    ...numpyReductionFunctions(fn),
    ...numpyWrappedFunctions(fn),
    ...numpyRepeatFunctions(fn),
    ...numpyDotFunctions(fn),
    ...numpyScalarTypes(objectClass),
    random: namespace("numpy.random", { ...numpyRandomFunctions(fn), ...numpyRandomObjects(objectClass), seed: quiet("seed") }),
  });
  modules.set("numpy", numpy);
}
