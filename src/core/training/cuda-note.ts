import type { CudaQuery } from "../interp/interpreter";

/** The note on what the code asked torch.cuda and the answers it got (the target's GPU), or undefined when it asked nothing;
 *  `file` is the analyzed file, whose lines are cited bare. */
export function cudaQueriesNote(queries: readonly CudaQuery[], device: string | undefined, file?: string): string | undefined {
  // Library code's own checks (an installed package asking at import) are not the script's reading of the GPU.
  const own = queries.filter((q) => !/[\\/](site-packages|dist-packages)[\\/]/.test(q.file));
  if (own.length === 0) return undefined;
  const answers = new Map<string, string>();
  // A query asked in another file of the project (a helper the script imports) names that file with its line.
  const at = (q: CudaQuery) => (file === undefined || q.file === file ? `line ${q.line}` : `${q.file.split(/[\\/]/).pop()} line ${q.line}`);
  for (const q of own) if (!answers.has(q.query)) answers.set(q.query, `${q.query}: ${q.answer} (${at(q)})`);
  return `the code asks torch.cuda about the GPU: read as ${device ? `the one ${device} the run targets` : "a target without a CUDA GPU"} (${[...answers.values()].join("; ")})`;
}
