// A file the script opens that the workspace lacks. Python's open() raises FileNotFoundError (a subclass of OSError,
// whose aliases are IOError and EnvironmentError: docs.python.org/3.11/library/exceptions.html#OSError); a script that
// catches it takes its except branch, and the analysis must take that branch too. Outside such a try the file may
// exist where the script really runs, so open() stays an unknown that names the file instead.
import type { Expression } from "../python/ast";
import { PythonError } from "./values";

/** The exception classes that catch a FileNotFoundError, by the name a script writes them with. */
const CATCHES_FILE_NOT_FOUND = new Set(["FileNotFoundError", "OSError", "IOError", "EnvironmentError", "Exception", "BaseException"]);

/** The FileNotFoundError Python raises for a file not in the workspace; its message is the reason a caught value gets. */
export class MissingFileError extends PythonError {
  constructor(readonly path: string) {
    super(`FileNotFoundError: the file ${path} is not in the workspace`);
  }
}

/** Whether an except clause's types (absent: a bare `except:`) catch FileNotFoundError. */
export function catchesMissingFile(types: Expression | undefined): boolean {
  if (types === undefined) return true;
  if (types.type === "tuple") return types.items.some(catchesMissingFile);
  if (types.type === "name") return CATCHES_FILE_NOT_FOUND.has(types.id);
  if (types.type === "attribute") return CATCHES_FILE_NOT_FOUND.has(types.name);
  return false;
}
