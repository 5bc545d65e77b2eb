// Reinforcement-learning agents keep target networks beside the ones they train (`self.target_net =
// deepcopy(self.policy_net)`, `self.critic_target`), updated only by copying (`load_state_dict`, `set_weights`) or
// Polyak averaging (`target_param.data.copy_(tau * param.data + ...)`), never by an optimizer: listed as models, each
// had the run's training estimate too. What the agent's methods hand to an optimizer says which networks train.
import type { Expression, Statement } from "../python/ast";
import { callsInBody, forEachExpression } from "../python/syntax-walk";
import type { ClassValue } from "./values";
import { sourceMethods } from "./classes";

/** Keras' own training calls on a model: each runs the model's optimizer (keras.io, Model training APIs). */
const KERAS_TRAINS = new Set(["fit", "train_on_batch", "fit_generator"]);
/** Calls that take a model's variables to differentiate or update (tf.GradientTape.gradient, Optimizer.apply_gradients
 *  and minimize, tensorflow.org/guide/autodiff). */
const GRADIENT_CALLS = new Set(["gradient", "apply_gradients", "minimize"]);

/**
 * The attributes of `self` whose parameters the class's methods (its bases' included) give to an optimizer: `self.X`
 * in `self.X.parameters()` among the arguments of a class's call (`optim.Adam(self.X.parameters())`, also inside
 * `list(...) + list(...)`), `self.X.trainable_variables` given to a gradient or update call, and `self.X.fit(...)`.
 * Empty when the class names none (its networks may hold their optimizers themselves).
 */
export function optimizedAttributes(cls: ClassValue): Set<string> {
  const trained = new Set<string>();
  for (const { body, self } of sourceMethods(cls)) readMethod(body, self, trained);
  return trained;
}

function readMethod(body: Statement[], self: string, trained: Set<string>): void {
  const ownAttribute = (e: Expression): string | undefined => (e.type === "attribute" && e.object.type === "name" && e.object.id === self ? e.name : undefined);
  for (const call of callsInBody(body)) {
    const callee = call.func.type === "attribute" ? call.func.name : call.func.type === "name" ? call.func.id : "";
    const receiver = call.func.type === "attribute" ? ownAttribute(call.func.object) : undefined;
    if (receiver !== undefined && KERAS_TRAINS.has(callee)) trained.add(receiver);
    const optimizer = /^[A-Z]/.test(callee);
    const gradient = GRADIENT_CALLS.has(callee);
    if (!optimizer && !gradient) continue;
    for (const argument of call.args) {
      if (argument.kind !== "positional" && argument.kind !== "keyword") continue;
      forEachExpression(argument.value, (e) => {
        if (optimizer && e.type === "call" && e.func.type === "attribute" && e.func.name === "parameters") {
          const owner = ownAttribute(e.func.object);
          if (owner !== undefined) trained.add(owner);
        }
        if (gradient && e.type === "attribute" && (e.name === "trainable_variables" || e.name === "trainable_weights")) {
          const owner = ownAttribute(e.object);
          if (owner !== undefined) trained.add(owner);
        }
      });
    }
  }
}
