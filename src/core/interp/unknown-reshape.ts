// `data.reshape((60000, 28, 28, 1))` on data the analyzer cannot see (bytes read from a file, `np.frombuffer(...)`):
// numpy's and torch's reshape return exactly the shape asked for or raise ("The new shape should be compatible with
// the original shape", numpy.org/doc/stable/reference/generated/numpy.reshape.html; pytorch.org/docs/stable/
// generated/torch.reshape.html), so a shape of known positive sizes is the result's shape whatever the data was.
// A -1 (a size inferred from the data) or a size not known leaves the result unknown.
import { tensor } from "./construct";
import type { NativeCall, UnknownValue, Value } from "./values";

/** The sizes a reshape call asks for, as varargs or one tuple or list; undefined unless every one is a positive int. */
function askedShape(args: Value[]): number[] | undefined {
  const items = args.length === 1 && (args[0]!.kind === "tuple" || args[0]!.kind === "list") ? args[0]!.items : args;
  if (items.length === 0) return undefined;
  const sizes: number[] = [];
  for (const item of items) {
    if (item.kind !== "int" || item.value <= 0) return undefined;
    sizes.push(item.value);
  }
  return sizes;
}

/** `torch.reshape(data, shape)` of unknown data, as the method form reads it: an array of the asked shape when every
 *  size is a known positive int, else undefined. */
export function reshapedUnknown(shape: Value): Value | undefined {
  const sizes = askedShape([shape]);
  return sizes ? tensor(sizes) : undefined;
}

/** `reshape` read on an unknown value: a call with known positive sizes gives an array of that shape (dtype unknown:
 *  float32 stands in), any other call the unknown itself. */
export function unknownReshape(self: UnknownValue): Value {
  return {
    kind: "native",
    name: "reshape",
    call: ({ args, kwargs }: NativeCall): Value => {
      const shape = kwargs.size === 0 ? askedShape(args) : undefined;
      return shape ? tensor(shape) : self;
    },
  };
}
