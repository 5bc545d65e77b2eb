// Models fed another model's output. A GAN's discriminator reads the generator's images (`D(G(z))`, or
// `fake = G(z)` then `D(fake.detach())`), an autoencoder's decoder the encoder's code: where nothing else says what a
// model reads, the shape the feeding model returns is what the code hands it, and a closer guess than a default
// built from its first layer (a 64x64 image, not 224x224).
import type { Expression, Statement } from "../python/ast";
import { callsIn, forEachStatement, mentions, type CallExpression } from "../python/syntax-walk";
import { TENSOR_CONVERSIONS } from "../torch/tensor-conversions";


/**
 * For each model name, the names of the other models whose output one of its calls takes as its only argument, in
 * source order: `D(G(z))`, or a name the same body binds to `G(...)` (`fake = G(z)` then `D(fake.detach())`).
 * Function bodies are entered only where they mention two of the names.
 */
export function modelsFeeding(body: Statement[], text: string, names: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (names.size < 2) return out;
  const count = mentions(text, names);
  const scan = (block: Statement[]) => {
    // What each name of this body is bound to, where it is bound to a model's call (the last such binding wins).
    const produced = new Map<string, string>();
    const calls: CallExpression[] = [];
    forEachStatement(block, ({ statement }) => {
      if (statement.type === "function" || statement.type === "class") return;
      if (statement.type === "assign" && statement.targets.length === 1 && statement.targets[0].type === "name") {
        const from = producer(statement.value, names);
        if (from !== undefined) produced.set(statement.targets[0].id, from);
      }
      calls.push(...callsIn(statement, false));
    }, [], () => false);
    for (const call of calls) {
      if (call.func.type !== "name" || !names.has(call.func.id) || call.args.length !== 1 || call.args[0].kind !== "positional") continue;
      const argument = unwrapped(call.args[0].value);
      const from = producer(argument, names) ?? (argument.type === "name" ? produced.get(argument.id) : undefined);
      if (from === undefined || from === call.func.id) continue;
      const feeders = out.get(call.func.id) ?? [];
      if (!feeders.includes(from)) out.set(call.func.id, [...feeders, from]);
    }
  };
  scan(body);
  forEachStatement(body, ({ statement }) => {
    if (statement.type === "function") scan(statement.body);
  }, [], (def) => count(def.pos.startIndex, def.pos.endIndex) >= 2);
  return out;
}

/** The model whose call an expression is (`G(z)`, `G(z).detach()`), or undefined. */
function producer(e: Expression, names: ReadonlySet<string>): string | undefined {
  const inner = unwrapped(e);
  return inner.type === "call" && inner.func.type === "name" && names.has(inner.func.id) ? inner.func.id : undefined;
}

/** An expression less the conversions around it (tensor-conversions.ts) (`fake.detach().to(device)` → `fake`). */
function unwrapped(e: Expression): Expression {
  let x = e;
  while (x.type === "call" && x.func.type === "attribute" && TENSOR_CONVERSIONS.has(x.func.name)) x = x.func.object;
  return x;
}
