// The arguments a model's forward is called with for one example input, from forward's signature alone:
// parameters beyond the inputs that have no default get None (PyTorch's usual "no state yet"), and an
// encoder-decoder's forward (a parameter named decoder_input_ids) gets the token ids the encoder gets, as
// transformers' encoder-decoder examples call it, so that the decoder runs and is counted. An encoder of features
// whose forward fails without decoder ids (Whisper-style audio) is run again with one start token per sample.
import { unwrapFunction } from "./inspect-signature";
import type { FunctionValue, Value } from "./values";
import { tensor } from "./construct";

/** The forward parameter that takes the decoder's token ids. */
const DECODER_TOKEN_PARAMETER = "decoder_input_ids";

/** Positional and keyword arguments for `forward(*inputs)`. */
export function forwardArguments(forward: Value, inputs: Value[], options: { decoderStart?: boolean } = {}): { args: Value[]; kwargs: Map<string, Value>; decoderIds?: Value } {
  const args = [...inputs];
  const kwargs = new Map<string, Value>();
  const bound = forward.kind === "bound";
  const own = bound ? forward.fn : forward;
  if (own.kind === "function") {
    const params = positional(own, bound);
    for (let i = args.length; i < params.length; i++) if (!params[i].default && !own.defaults.has(params[i].name)) args.push({ kind: "none" });
  }
  // One token-id input and a decoder that takes token ids too (behind any functools.wraps decorators); asked for, an
  // encoder of features (audio frames, pixels) gets its decoder's first step, one start token per sample.
  const signature = unwrapFunction(own);
  const first = inputs.length === 1 && inputs[0].kind === "tensor" ? inputs[0] : undefined;
  const tokenIds = first?.dtype === "int64" ? first : first && options.decoderStart ? tensor([first.shape[0] ?? 1, 1], "int64") : undefined;
  if (tokenIds && signature.kind === "function") {
    const params = positional(signature, bound);
    const index = params.findIndex((p) => p.name === DECODER_TOKEN_PARAMETER);
    const keywordOnly = signature.definition.params.some((p) => p.kind === "keywordOnly" && p.name === DECODER_TOKEN_PARAMETER);
    if (index >= inputs.length || keywordOnly) {
      if (index >= 0 && index < args.length) args[index] = tokenIds;
      else kwargs.set(DECODER_TOKEN_PARAMETER, tokenIds);
      // Said in the report: the decoder's ids are the analyzer's choice, not the program's (T5's own forward raises without them).
      return { args, kwargs, decoderIds: tokenIds };
    }
  }
  return { args, kwargs };
}

/** Whether forward has a decoder_input_ids parameter (behind any functools.wraps decorators). */
export function takesDecoderTokens(forward: Value): boolean {
  const signature = unwrapFunction(forward.kind === "bound" ? forward.fn : forward);
  return signature.kind === "function" && signature.definition.params.some((p) => p.name === DECODER_TOKEN_PARAMETER);
}

/** How many positional parameters a forward (or Keras call) needs with no default, self left out; undefined when unknown. */
export function requiredInputCount(forward: Value): number | undefined {
  const bound = forward.kind === "bound";
  const own = unwrapFunction(bound ? forward.fn : forward);
  if (own.kind !== "function") return undefined;
  return positional(own, bound).filter((p) => !p.default && !own.defaults.has(p.name)).length;
}

function positional(fn: FunctionValue, bound: boolean) {
  return fn.definition.params.filter((p) => p.kind === "normal").slice(bound ? 1 : 0);
}
