// numpy's random-number objects as shapes (issue 21): scripts draw their synthetic data from a seeded generator
// (`rng = np.random.default_rng(0)`, `rng.standard_normal((2500, 20))`) or a legacy `np.random.RandomState(seed)`
// as often as from the module's functions, and the array's rows are the samples a training loop walks. Each sampler
// returns an array of the size asked for (numpy 1.26, numpy.org/doc/stable/reference/random/generator.html and
// legacy.html), or one number when no size is given; the values are never known.
import { NONE, freshId, rangeLength, toInts, toNumber, unknown } from "./construct";
import { numpyArray } from "./numpy-arrays";
import { nativeClass } from "./classes";
import { literalShape } from "../torch/ops/creation";
import type { ClassValue, NativeCall, TensorDtype, Value } from "./values";

type Method = (call: NativeCall) => Value;

/** `numpy.random.default_rng` and `numpy.random.RandomState`, built on `objectClass`. */
export function numpyRandomObjects(objectClass: ClassValue): Record<string, Value> {
  const generator = nativeClass("numpy.random.Generator", [objectClass], {
    standard_normal: sized("standard_normal", 0, "float64"),
    random: sized("random", 0, "float64"),
    normal: sized("normal", 2, "float64"),
    uniform: sized("uniform", 2, "float64"),
    integers: sized("integers", 2, "int64"),
    choice: sized("choice", 1, "int64"),
    permutation: permutation("Generator"),
    shuffle: () => NONE,
  });
  const randomState = nativeClass("numpy.random.RandomState", [objectClass], {
    __init__: () => NONE,
    rand: dims("rand"),
    randn: dims("randn"),
    random_sample: sized("random_sample", 0, "float64"),
    random: sized("random", 0, "float64"),
    standard_normal: sized("standard_normal", 0, "float64"),
    normal: sized("normal", 2, "float64"),
    uniform: sized("uniform", 2, "float64"),
    randint: sized("randint", 2, "int64"),
    choice: sized("choice", 1, "int64"),
    permutation: permutation("RandomState"),
    shuffle: () => NONE,
    seed: () => NONE,
  });
  return {
    default_rng: { kind: "native", name: "numpy.random.default_rng", call: (): Value => ({ kind: "instance", cls: generator, attributes: new Map(), id: freshId() }) },
    RandomState: randomState,
  };
}

/** A sampler whose `size` is the keyword or the positional argument at `sizeAt` (after `self`). */
function sized(name: string, sizeAt: number, dtype: TensorDtype): Method {
  return ({ args, kwargs }) => {
    const size = kwargs.get("size") ?? args[sizeAt + 1];
    if (size === undefined || size.kind === "none") return unknown(`a random number from ${name}`);
    return numpyArray(toInts(size, `${name}(size)`), dtype);
  };
}

/** RandomState.rand(d0, d1, ...) and randn: the dimensions are the arguments. */
function dims(name: string): Method {
  return ({ args }) => {
    const shape = args.slice(1).map((a) => toNumber(a, name));
    return shape.length ? numpyArray(shape, "float64") : unknown(`a random number from ${name}`);
  };
}

/** permutation(x): a shuffled np.arange(x) for an int, a shuffled copy of an array; its length is known. */
function permutation(owner: string): Method {
  return ({ args, kwargs }) => {
    const x = args[1] ?? kwargs.get("x");
    if (x?.kind === "int") return numpyArray([x.value], "int64");
    if (x?.kind === "tensor") return numpyArray(x.shape, x.dtype);
    if (x?.kind === "range") return numpyArray([rangeLength(x.start, x.stop, x.step)], "int64");
    if (x?.kind === "list" || x?.kind === "tuple") return numpyArray(literalShape(x).shape, "int64");
    return unknown(`${owner}.permutation of an unknown value`);
  };
}
