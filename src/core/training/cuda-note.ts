import type { CudaQuery } from "../interp/interpreter";

/** The note on what the code asked torch.cuda and the answers it got (the target's GPU), or undefined when it asked nothing. */
export function cudaQueriesNote(queries: readonly CudaQuery[], device: string | undefined): string | undefined {
  // Library code's own checks (an installed package asking at import) are not the script's reading of the GPU.
  const own = queries.filter((q) => !/[\\/](site-packages|dist-packages)[\\/]/.test(q.file));
  if (own.length === 0) return undefined;
  const answers = new Map<string, string>();
  for (const q of own) if (!answers.has(q.query)) answers.set(q.query, `${q.query}: ${q.answer} (line ${q.line})`);
  return `the code asks torch.cuda about the GPU: read as ${device ? `the one ${device} the run targets` : "a target without a CUDA GPU"} (${[...answers.values()].join("; ")})`;
}
