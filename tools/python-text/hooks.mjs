// Node loader hook (registered by ./register.mjs): a `.py` file imports as a module whose default export is its text.
import { readFile } from "node:fs/promises";

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !new URL(url).pathname.endsWith(".py")) return nextLoad(url, context);
  const text = await readFile(new URL(url), "utf8");
  return { format: "module", source: `export default ${JSON.stringify(text)};\n`, shortCircuit: true };
}
