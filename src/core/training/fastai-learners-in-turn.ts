// fastai fits in turn (`learn.fit_one_cycle(4)`, `learn.unfreeze()`, `learn.fit_one_cycle(2)`) add up while they
// train one Learner. A notebook that binds the name afresh between them (`learn = cnn_learner(data, resnet50)`) trains
// another network from there on: the run of the file is the first Learner's, and DataLoaders built after its last fit
// feed none of its epochs (a notebook's cells run in order, once). So does a fit on another name (`learn_ws`, built by
// its own `Learner(data, resnet18_ws)` beside `learn`), or on a name the fit's function binds for itself (`def fit():
// learn = Learner(...); learn.fit(1)`): each name holds its own network.
import type { Statement } from "../python/ast";
import { rebindsBetween } from "./models-in-turn";

/** One fastai fit call the plain run makes: its epochs, the name it is called on, and its line. */
export interface FastaiFit<F> {
  figure: F;
  /** The Learner's name (`learn` of `learn.fit(1)`); undefined for any other receiver. */
  receiver?: string;
  /** Whether the receiver is a name the enclosing function binds (a local Learner, not the module's). */
  local?: boolean;
  line: number;
}

/** The fits of the first Learner: those before the first fit on another Learner (another name, a function's own
 *  name, or the same name a module-level statement binds afresh after the first fit); `rebound` tells where the later
 *  network's fit is, when there is one. */
export function firstLearnerFits<F>(fits: readonly FastaiFit<F>[], body: Statement[]): { fits: FastaiFit<F>[]; rebound?: FastaiFit<F> } {
  const first = fits[0];
  if (!first) return { fits: [] };
  const another = (f: FastaiFit<F>): boolean => first.receiver !== undefined && (f.receiver !== first.receiver || Boolean(f.local) !== Boolean(first.local));
  const next = fits.findIndex((f, i) => i > 0 && f.receiver !== undefined && (another(f) || rebindsBetween(body, f.receiver, first.line, f.line)));
  return next < 0 ? { fits: [...fits] } : { fits: fits.slice(0, next), rebound: fits[next] };
}
