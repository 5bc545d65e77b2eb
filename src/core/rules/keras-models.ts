import type { ClassDefinition } from "../python/ast";
import type { PythonFile } from "./python-file";
import { assignmentsFromCalls, type ModelSite } from "./model-usage";

// Keras models are recognised from the syntax alone (the Keras frontend of the analyzer comes later):
// `keras.Sequential(...)`, `keras.Model(inputs, outputs)`, `tf.keras...`, and subclasses of keras.Model.

const KERAS_ROOTS = /^(keras|tensorflow\.keras|tensorflow\.python\.keras|tf_keras)\./;
const MODEL_CONSTRUCTORS = /\.(models\.)?(Sequential|Model)$/;
const APPLICATION = /\.applications\.(.+\.)?[A-Z]\w*$/;

/** True when a qualified name lives under Keras (`tf.keras.layers.Dense` qualifies as `tensorflow.keras...`). */
export function isKerasName(qualified: string | undefined): boolean {
  return qualified !== undefined && KERAS_ROOTS.test(qualified);
}

/** Top-level classes that subclass keras.Model (or a Keras model class of this file). */
export function kerasModelClasses(file: PythonFile): ClassDefinition[] {
  const out: ClassDefinition[] = [];
  for (const s of file.syntax.body) {
    if (s.type !== "class") continue;
    const isModel = s.bases.some((b) => {
      const q = file.qualify(b.value);
      return (isKerasName(q) && MODEL_CONSTRUCTORS.test(q!)) || out.some((c) => c.name === q);
    });
    if (isModel) out.push(s);
  }
  return out;
}

/** Where the file builds Keras models: `model = keras.Sequential([...])`, `Model(inputs, outputs)`, `MyModel()`. */
export function kerasModelSites(file: PythonFile): ModelSite[] {
  const classes = new Set(kerasModelClasses(file).map((c) => c.name));
  return assignmentsFromCalls(file).filter((a) => {
    const q = file.qualify(a.call.func);
    if (q === undefined) return false;
    if (classes.has(q)) return true;
    return isKerasName(q) && (MODEL_CONSTRUCTORS.test(q) || APPLICATION.test(q));
  });
}

/** True when the file uses Keras at all (imports it or tf.keras). */
export function usesKeras(file: PythonFile): boolean {
  return [...file.bindings.values()].some((q) => q === "keras" || q === "tensorflow" || q === "tf_keras" || isKerasName(q));
}

/** How the file can spell `keras` (`keras`, `tf.keras`), adding `import tensorflow as tf` when it has neither. */
export function kerasReference(file: PythonFile): { keras: string; tf: string | undefined; needsTensorflowImport: boolean } {
  const keras = file.localNameOf("keras") ?? file.localNameOf("tensorflow.keras");
  const tf = file.localNameOf("tensorflow");
  if (keras) return { keras, tf, needsTensorflowImport: false };
  if (tf) return { keras: `${tf}.keras`, tf, needsTensorflowImport: false };
  return { keras: "tf.keras", tf: "tf", needsTensorflowImport: true };
}
