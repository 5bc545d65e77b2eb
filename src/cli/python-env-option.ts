import { dirname } from "node:path";
import type { InstallActions, PythonEnvironment } from "../core/environment/python-environment";
import { EnvironmentNotFound, findPythonEnvironment } from "../node/python-environment";
import { CliError } from "./cli-io";

/** What the CLI tells a user whose package is not installed. */
export const CLI_INSTALL_ACTIONS: InstallActions = { installed: "install it there, or pass --python-env DIR", noEnvironment: "create .venv beside the code, activate one (VIRTUAL_ENV), or pass --python-env DIR" };

/**
 * The environment each analyzed file resolves its packages from (`--python-env`, VIRTUAL_ENV, CONDA_PREFIX, then
 * .venv/venv between the file and the root, then the working directory's or a parent's), read once per folder.
 */
export function environmentFinder(option: string | undefined, variables: Record<string, string | undefined> = process.env): (file: string, root: string) => PythonEnvironment | undefined {
  const found = new Map<string, PythonEnvironment | undefined>();
  return (file, root) => {
    const fileDir = dirname(file);
    const key = `${root}\u0000${fileDir}`;
    if (!found.has(key)) {
      try {
        found.set(key, findPythonEnvironment({ option, variables, root, fileDir, cwd: process.cwd() }));
      } catch (err) {
        if (err instanceof EnvironmentNotFound) throw new CliError(err.message);
        throw err;
      }
    }
    return found.get(key);
  };
}
