import { seededRandom } from "../helpers/seeded-random";

export { seededRandom };

/** Seeded mutations of Python source for the fuzz tests. */
/** Offsets where a token may end: after identifiers, numbers, punctuation and line breaks. */
export function tokenBoundaries(text: string): number[] {
  const out: number[] = [];
  const re = /[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|\S|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index + m[0].length);
  return out;
}

type Mutation = (text: string, random: () => number) => string;

const pick = <T>(xs: T[], random: () => number): T => xs[Math.floor(random() * xs.length)];

/** The mutations the hardening issue names: lines deleted and duplicated, random bytes, unbalanced brackets. */
export const mutations: Record<string, Mutation> = {
  deleteLine(text, random) {
    const lines = text.split("\n");
    lines.splice(Math.floor(random() * lines.length), 1);
    return lines.join("\n");
  },
  duplicateLine(text, random) {
    const lines = text.split("\n");
    const i = Math.floor(random() * lines.length);
    lines.splice(i, 0, lines[i]);
    return lines.join("\n");
  },
  randomBytes(text, random) {
    const at = Math.floor(random() * text.length);
    let noise = "";
    for (let i = 0; i < 1 + Math.floor(random() * 8); i++) noise += String.fromCharCode(Math.floor(random() * 0xffff));
    return text.slice(0, at) + noise + text.slice(at);
  },
  unbalancedBracket(text, random) {
    const at = Math.floor(random() * text.length);
    return text.slice(0, at) + pick(["(", ")", "[", "]", "{", "}", '"', "'''"], random) + text.slice(at);
  },
  swapIndent(text, random) {
    const lines = text.split("\n");
    const i = Math.floor(random() * lines.length);
    lines[i] = pick(["", "    ", "\t", "        "], random) + lines[i].trimStart();
    return lines.join("\n");
  },
};
