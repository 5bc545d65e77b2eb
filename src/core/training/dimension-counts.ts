// A count named for steps that the code hands on as an array's dimension is a sequence length, not the run's length:
// time-series scripts name their window `n_steps` (`X.reshape((X.shape[0], n_steps, n_features))`,
// `LSTM(50, input_shape=(n_steps, n_features))`), and Python's reshape and Keras' shapes take it as the size of an
// axis. Such a count still counts the run where the code also bounds a loop with it or passes it as a step count
// (`range(n_steps)` or `range(0, n_steps)` as its stop, `steps=n_steps`). Read from the text of the function that binds it (the module's, at top level).

/** Whether `name` sizes an axis in `scope` (a reshape's or view's argument, a `shape=`/`input_shape=` tuple) and
 *  bounds no loop and is passed as no step count there. */
export function countUsedAsDimension(name: string, scope: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const dimension = new RegExp(`\\b(?:reshape|view)\\s*\\(\\(?(?:[^()\\n]|\\([^()\\n]*\\))*?\\b${n}\\b|\\b(?:input_shape|batch_input_shape|shape)\\s*=\\s*[[(][^\\])]*\\b${n}\\b`);
  if (!dimension.test(scope)) return false;
  const counted = new RegExp(`\\brange\\s*\\(\\s*(?:[^,()]+,\\s*)?${n}\\s*[,)]|\\b\\w*(?:steps|iters|iterations)\\w*\\s*=\\s*${n}\\b\\s*[,)]|\\bwhile\\b[^\\n:]*\\b${n}\\b`);
  return !counted.test(scope);
}
