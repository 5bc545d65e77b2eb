// A script that trains through a method of another workspace file whose body calls Keras' `fit`: a wrapper class
// holding the model (`self.model = keras.Sequential(...)`) with `def fit_data(self): return self.model.fit(self.x,
// self.y, batch_size=self.batch_size, epochs=self.epochs)`, called as `SoftmaxRegression(data).fit_data()`. Python
// runs that body with the object bound, so its fit is the run's, read with those bindings as a backward pass is.

/** A call of `fit(` or Keras 1/2's `fit_generator(` (keras.io/api/models/model_training_apis, keras.io/2.0/models/model). */
const FIT_CALL = /\.fit(_generator)?\s*\(/;
/** A module that imports Keras (Keras 2/3, tf.keras); a scikit-learn estimator's fit in a module without it is no
 *  Keras training. */
const IMPORTS_KERAS = /^\s*(import|from)\s+(keras|tensorflow)\b/m;

/** Whether `body` (a function's text) calls a Keras fit, in the module whose whole text is `moduleText`. */
export function callsKerasFit(body: string, moduleText: string): boolean {
  return FIT_CALL.test(body) && importsKeras(moduleText);
}

/** Whether a module's text imports Keras or TensorFlow. */
export function importsKeras(moduleText: string): boolean {
  return IMPORTS_KERAS.test(moduleText);
}
