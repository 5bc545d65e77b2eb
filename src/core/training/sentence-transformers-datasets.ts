// sentence-transformers' pre-v3 training data: `SentencesDataset(examples, model)` wraps a list of InputExamples and
// keeps one sample per example (sentence_transformers/datasets/SentencesDataset.py: `__len__` returns
// `len(self.examples)`; the class is still in sentence-transformers 3.x and 4.x for `model.fit`), so a DataLoader over
// it draws len(examples) samples an epoch.
import type { Statement } from "../python/ast";
import { importedPath } from "../python/import-origin";

/** Whether a callee is sentence-transformers' SentencesDataset by the file's imports. */
export function isSentencesDataset(callee: string, body: Statement[]): boolean {
  return /^sentence_transformers\.(datasets\.)?(SentencesDataset\.)?SentencesDataset$/.test(importedPath(callee, body) ?? "");
}
