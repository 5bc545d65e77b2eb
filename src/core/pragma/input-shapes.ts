// The one grammar of input shapes, for `# greenlight: input=...`, the CLI's --input, the editor's "Set Input Shape"
// box and the default-input setting: dims joined by x (or commas), an optional `:dtype`, inputs joined by `;`.
import type { InputSpec } from "../report/model-report";

const EXAMPLE = "write dims separated by x, e.g. 1x3x224x224 (several inputs: 1x3x32x32;1x10, token ids: 1x128:int64)";

/** Parses `1x3x224x224` (or `1,3,224,224`) into dims; throws an Error that says what is wrong. */
export function parseDims(text: string): number[] {
  const trimmed = text.trim();
  if (!/^\d+(\s*[x×,]\s*\d+)*$/i.test(trimmed)) throw new Error(`'${text}' is not a shape: ${EXAMPLE}`);
  const dims = trimmed.split(/\s*[x×,]\s*/i).map(Number);
  if (dims.some((d) => !Number.isSafeInteger(d) || d <= 0)) throw new Error(`'${text}': every dim must be a positive integer`);
  return dims;
}

/** Parses one input, `1x3x224x224` or `1x1024:int64` (float32 unless said: `int64`/`long` for token ids). */
export function parseInputShape(text: string): InputSpec {
  const [dimsText, dtypeText, ...extra] = text.trim().split(":");
  if (extra.length > 0) throw new Error(`'${text}' is not a shape: ${EXAMPLE}`);
  const shape = parseDims(dimsText);
  const dtype = dtypeText === undefined || dtypeText === "" || dtypeText === "float32" ? "float32" : dtypeText === "int64" || dtypeText === "long" ? "int64" : null;
  if (!dtype) throw new Error(`bad dtype '${dtypeText}' in shape '${text}': use float32 or int64`);
  return { shape, dtype };
}

/** Parses one or more inputs joined by `;` (or by `, ` before a new shape): `1x3x32x32;1x10`. */
export function parseInputList(text: string): InputSpec[] {
  return text.split(/[;,]\s*(?=\d+\s*[x×])|;/).map((s) => parseInputShape(s.trim()));
}

/** Why a text is not a list of inputs, or undefined when it is one. */
export function inputListProblem(text: string): string | undefined {
  try {
    parseInputList(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
