// The recordings a call builds of a torchaudio data set (audio-dataset-sizes.ts): the library's class called with its
// part argument (`SPEECHCOMMANDS(root, subset="training")`, `LIBRISPEECH(root, url="train-clean-360")`), or a class of
// the file that subclasses one. A subclass without `__init__` takes the library's arguments as they are; one whose
// `__init__` tests a parameter against the library's own part names (`if subset == "training": self._walker = ...`,
// as the PyTorch speech command tutorial's SubsetSC does) selects that part by that parameter, so the call's argument
// for it names the part. Any other subclass changes what it holds in ways only running it tells.
import type { Value } from "../interp/values";
import type { ClassDefinition, Expression, FunctionDefinition, Statement } from "../python/ast";
import { forEachExpression, forEachStatement, keywordArgument, ownExpressions, positionalArgument } from "../python/syntax-walk";
import { audioDatasetSize, audioPartSize, type AudioDatasetSize } from "./audio-dataset-sizes";

type Call = Extract<Expression, { type: "call" }>;

/** The recordings of a torchaudio data set a call builds, with the class it is and the part it selects. */
export interface AudioRecordings {
  value: number;
  dataset: string;
  part?: string;
  /** The file's subclass the call builds, where it is one. */
  subclass?: string;
  source: string;
}

/**
 * The recordings `call` builds, where its callee (last dotted name `last`) is a torchaudio data set of the table or a
 * class of the file (`body`) subclassing one; undefined otherwise, or where the part or edition is not worked out.
 */
export function audioRecordings(call: Call, last: string, body: Statement[], evaluate: (e: Expression) => Value | undefined): AudioRecordings | undefined {
  const own = body.find((s): s is ClassDefinition => s.type === "class" && s.name === last);
  if (!own) {
    const known = audioDatasetSize(last);
    const part = known ? libraryPart(known, call, evaluate) : undefined;
    return known && part ? { value: part.value, dataset: known.name, part: part.part, source: known.source } : undefined;
  }
  const base = own.bases.map((b) => (b.kind === "positional" ? lastName(b.value) : undefined)).find((n) => n !== undefined && audioDatasetSize(n));
  const known = base ? audioDatasetSize(base) : undefined;
  if (!known) return undefined;
  const init = own.body.find((s): s is FunctionDefinition => s.type === "function" && s.name === "__init__");
  // No constructor of its own: the library's, with the call's arguments.
  const part = init ? subclassPart(known, init, call, evaluate) : libraryPart(known, call, evaluate);
  return part ? { value: part.value, dataset: known.name, part: part.part, subclass: own.name, source: known.source } : undefined;
}

/** The part the library's constructor selects from the call's arguments, where its edition is the table's. */
function libraryPart(known: AudioDatasetSize, call: Call, evaluate: (e: Expression) => Value | undefined): { value: number; part?: string } | undefined {
  if (!sameEdition(known, call, evaluate)) return undefined;
  if (!known.part) return known.whole !== undefined ? { value: known.whole } : undefined;
  const argument = keywordArgument(call, known.part.keyword) ?? positionalArgument(call, known.part.position);
  const chosen = argument ? stringOrNone(evaluate(argument)) : undefined;
  if (argument && chosen === undefined) return undefined;
  return audioPartSize(known, chosen);
}

/** The part a subclass's `__init__` selects: the parameter it compares with the library's part names, as the call
 *  gives it; the library's whole where the `__init__` passes nothing on and the parameter is None. */
function subclassPart(known: AudioDatasetSize, init: FunctionDefinition, call: Call, evaluate: (e: Expression) => Value | undefined): { value: number; part?: string } | undefined {
  const names = new Set(Object.keys(known.parts ?? {}));
  const params = init.params.slice(1);
  const index = params.findIndex((p) => comparesWithPart(init.body, p.name, names));
  if (index < 0) return undefined;
  // The library's own constructor, as the subclass calls it, must load the table's edition.
  const parent = superInit(init.body);
  if (!parent || !sameEdition(known, parent, evaluate)) return undefined;
  const param = params[index];
  const argument = keywordArgument(call, param.name) ?? positionalArgument(call, index);
  const given = argument ?? param.default;
  const chosen = given ? stringOrNone(evaluate(given)) : null;
  if (chosen === undefined) return undefined;
  if (chosen === null) return known.whole !== undefined ? { value: known.whole } : undefined;
  const value = known.parts?.[chosen];
  return value !== undefined && names.has(chosen) ? { value, part: chosen } : undefined;
}

/** Whether a body compares `name` for equality with a string among `parts` (`subset == "training"`). */
function comparesWithPart(body: Statement[], name: string, parts: Set<string>): boolean {
  let found = false;
  const visit = (e: Expression) => {
    if (found || e.type !== "compare" || e.ops.length !== 1 || e.ops[0] !== "==") return;
    const [a, b] = [e.left, e.comparators[0]];
    const named = (x: Expression, y: Expression) => x.type === "name" && x.id === name && y.type === "str" && typeof y.value === "string" && parts.has(y.value);
    found = named(a, b) || named(b, a);
  };
  walkExpressions(body, visit);
  return found;
}

/** The `super().__init__(...)` call of a constructor's body. */
function superInit(body: Statement[]): Call | undefined {
  let found: Call | undefined;
  walkExpressions(body, (e) => {
    if (found || e.type !== "call" || e.func.type !== "attribute" || e.func.name !== "__init__") return;
    const object = e.func.object;
    if (object.type === "call" && object.func.type === "name" && object.func.id === "super") found = e;
  });
  return found;
}

/** Whether the call leaves the edition argument at the table's value (or passes that value). */
function sameEdition(known: AudioDatasetSize, call: Call, evaluate: (e: Expression) => Value | undefined): boolean {
  const edition = known.edition;
  if (!edition) return true;
  const argument = keywordArgument(call, edition.keyword) ?? positionalArgument(call, edition.position);
  if (!argument) return true;
  const v = evaluate(argument);
  return v?.kind === "str" && v.value === edition.value;
}

function stringOrNone(v: Value | undefined): string | null | undefined {
  return v?.kind === "str" ? v.value : v?.kind === "none" ? null : undefined;
}

function lastName(e: Expression): string | undefined {
  return e.type === "name" ? e.id : e.type === "attribute" ? e.name : undefined;
}

/** Every expression of a body's statements, nested bodies included. */
function walkExpressions(body: Statement[], visit: (e: Expression) => void): void {
  forEachStatement(body, ({ statement }) => {
    for (const e of ownExpressions(statement)) forEachExpression(e, visit);
  }, [], () => true);
}
