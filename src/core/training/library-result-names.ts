// A script's plots and tables are objects a library call returned: `fig, ax = plt.subplots()`, `df = pd.read_csv(p)`.
// Their methods (`ax.plot(...)`, `df.describe()`) are the library's, never a workspace file's training, however many
// of them a notebook's plotting cells hold before the call that trains.
import type { Statement } from "../python/ast";
import { dottedName, forEachStatement, targetNames } from "../python/syntax-walk";

/** matplotlib, seaborn, pandas and numpy by their usual aliases and names: what their calls return (Figure, Axes,
 *  DataFrame, ndarray) has only the library's methods. torch is left out: `torch.load(path)` gives back a pickled
 *  object of the project's own classes. */
const LIBRARY_CALL = /^(plt|matplotlib|sns|seaborn|pd|pandas|np|numpy)\./;

/** The names `body` binds, anywhere, to the result of a call of those libraries (the targets of `fig, ax =
 *  plt.subplots()`); a name bound otherwise as well is left out. */
export function libraryResultNames(body: Statement[]): Set<string> {
  const fromLibrary = new Set<string>();
  const otherwise = new Set<string>();
  forEachStatement(body, ({ statement: s }) => {
    if (s.type !== "assign") return;
    const callee = s.value.type === "call" ? dottedName(s.value.func) : undefined;
    const into = callee !== undefined && LIBRARY_CALL.test(callee) ? fromLibrary : otherwise;
    for (const t of s.targets) for (const n of targetNames(t)) into.add(n);
  });
  for (const n of otherwise) fromLibrary.delete(n);
  return fromLibrary;
}
