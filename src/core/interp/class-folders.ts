// A dataset laid out one folder per class (root/cats/1.jpg, root/dogs/2.jpg), as torchvision's ImageFolder and Keras'
// flow_from_directory and image_dataset_from_directory read it: the classes are root's sub-folders in sorted order, the
// samples are the files under each class folder, at any depth, whose extension the reader takes. Tutorials and course
// repositories often ship such a folder beside the script; a dataset downloaded later is not in the workspace, and
// stays unknown with the reason.
import { joinPath } from "./paths";
import type { ModuleFiles } from "./module-resolver";

/** The listings a count needs: both are absent where the host mirrors only Python files (VS Code for the web). */
export type FolderLister = Pick<ModuleFiles, "listFiles" | "listFolders">;

/** The class folders of a root (sorted by name, as Python's `sorted()` orders str) and the files each holds. */
export interface ClassFolders {
  root: string;
  classes: string[];
  counts: number[];
}

/** torchvision.datasets.folder.IMG_EXTENSIONS (torchvision 0.15-0.20). */
export const TORCHVISION_IMAGE_EXTENSIONS: readonly string[] = [".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp"];
/** keras_preprocessing's DirectoryIterator.white_list_formats (Keras 2.x, ImageDataGenerator.flow_from_directory). */
export const KERAS_ITERATOR_EXTENSIONS: readonly string[] = [".png", ".jpg", ".jpeg", ".bmp", ".ppm", ".tif", ".tiff"];
/** keras.utils.image_dataset_from_directory's ALLOWLIST_FORMATS (Keras 2.9-3.x). */
export const KERAS_DATASET_EXTENSIONS: readonly string[] = [".bmp", ".gif", ".jpeg", ".jpg", ".png"];

/** Entries listed for one count before it gives up: the analysis runs on each keystroke, and a workspace holding a
 *  dataset of millions of images is no table the repository ships. */
const MAX_LISTED = 100_000;
/** Folders below a class folder walked before giving up (a link cycle, a deep archive). */
const MAX_DEPTH = 8;

/**
 * The class folders under the first of `places` (the same folder seen from the script's folder, then from the
 * workspace's) that is a folder with sub-folders, and the files of each whose name ends (in any case) with one of
 * `extensions`, as torchvision's `has_file_allowed_extension` and Keras' `_iter_valid_files` test; or why not.
 */
export function classFolders(files: FolderLister, places: readonly string[], extensions: readonly string[], wanted?: readonly string[]): ClassFolders | string {
  if (!files.listFiles || !files.listFolders) return "the editor here lists no folders";
  const listFiles = (dir: string) => files.listFiles!(dir);
  const listFolders = (dir: string) => files.listFolders!(dir);
  const shown = places[0] ?? "";
  const root = places.find((p) => listFolders(p).length > 0 || listFiles(p).length > 0);
  if (root === undefined) return `${shown} is not a folder in the workspace`;
  const names = listFolders(root).map(baseName).sort(byCodePoint);
  const classes = wanted ? wanted.filter((c) => names.includes(c)) : names;
  if (classes.length === 0) return `${shown} has no class sub-folders in the workspace`;
  const endings = extensions.map((e) => e.toLowerCase());
  let listed = 0;
  const countUnder = (dir: string, depth: number): number | undefined => {
    const here = listFiles(dir);
    const below = depth < MAX_DEPTH ? listFolders(dir) : [];
    listed += here.length + below.length;
    if (listed > MAX_LISTED) return undefined;
    let count = here.filter((f) => endings.some((e) => f.toLowerCase().endsWith(e))).length;
    for (const folder of below) {
      const inner = countUnder(folder, depth + 1);
      if (inner === undefined) return undefined;
      count += inner;
    }
    return count;
  };
  const counts: number[] = [];
  for (const name of classes) {
    const count = countUnder(joinPath(root, name), 1);
    if (count === undefined) return `${shown} holds more than ${MAX_LISTED.toLocaleString("en-US")} files, more than is listed on each keystroke`;
    counts.push(count);
  }
  return { root, classes, counts };
}

/** The files of every class together. */
export function classFolderFiles(found: ClassFolders): number {
  return found.counts.reduce((a, b) => a + b, 0);
}

function baseName(path: string): string {
  return path.slice(path.replace(/\/+$/, "").lastIndexOf("/") + 1).replace(/\/+$/, "");
}

/** Python compares str by code point; JavaScript's default sort compares UTF-16 units, which differ only past U+FFFF. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
