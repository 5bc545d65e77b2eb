// Where a dotted name comes from by the file's imports: `LabelEncoder` after `from sklearn.preprocessing import
// LabelEncoder` is sklearn.preprocessing.LabelEncoder, `tf.keras.wrappers.scikit_learn.KerasClassifier` after `import
// tensorflow as tf` is tensorflow.keras.wrappers.scikit_learn.KerasClassifier. Python binds the name an import
// statement names (its alias, or the top package of `import a.b`), so the first import that binds the root decides.
import type { Statement } from "./ast";
import { forEachStatement } from "./syntax-walk";

/** The module path a dotted name (`pp.StandardScaler`) stands for by the file's absolute imports, or undefined when
 *  no import binds its root (a name of the file's own, a relative import, a star import). */
export function importedPath(dotted: string, body: Statement[]): string | undefined {
  const [root, ...rest] = dotted.split(".");
  let origin: string | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (origin !== undefined) return;
    if (s.type === "import") {
      for (const { module, alias } of s.names) {
        if (alias === root) origin = module;
        else if (!alias && module.split(".")[0] === root) origin = root;
      }
    } else if (s.type === "importFrom" && s.level === 0 && s.names !== "*") {
      for (const { name, alias } of s.names) if ((alias ?? name) === root) origin = `${s.module}.${name}`;
    }
  });
  return origin === undefined ? undefined : [origin, ...rest].join(".");
}

/** The name an `import module` (`import module as alias`) statement binds the module to: its alias, else the module's
 *  dotted name; from the first import of it, comments and nesting (a `try:` block) notwithstanding. Undefined when no
 *  import statement imports it. */
export function importedModuleName(module: string, body: Statement[]): string | undefined {
  let bound: string | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (bound !== undefined || s.type !== "import") return;
    const named = s.names.find((n) => n.module === module);
    if (named) bound = named.alias ?? module;
  });
  return bound;
}
