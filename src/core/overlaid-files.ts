import type { WorkspaceFiles } from "./analyze";

/** Files with some texts replaced (unsaved editor documents win over the disk); paths are POSIX. */
export function overlaidFiles(base: WorkspaceFiles, overlays: ReadonlyMap<string, string>): WorkspaceFiles {
  if (overlays.size === 0) return base;
  const inside = (dir: string) => {
    const prefix = dir.endsWith("/") ? dir : `${dir}/`;
    return [...overlays.keys()].filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes("/"));
  };
  return {
    read: (path) => overlays.get(path) ?? base.read(path),
    exists: (path) => overlays.has(path) || base.exists(path),
    listPython: (dir) => [...new Set([...base.listPython(dir), ...inside(dir).filter((path) => path.endsWith(".py"))])].sort(),
    isDirectory: base.isDirectory && ((path) => base.isDirectory!(path)),
    listFiles: base.listFiles && ((dir) => [...new Set([...base.listFiles!(dir), ...inside(dir)])].sort()),
    // An unsaved document makes no folder: the disk's folders stand.
    listFolders: base.listFolders && ((dir) => base.listFolders!(dir)),
  };
}
