// A `for t in range(max_steps):` episode that a `break` on the environment's `done` ends (episode-length.ts) runs as
// many turns as the episode lasts: max_steps is only its bound where the environment can end the episode itself
// (CartPole falling), and the time limit where it never does (Pendulum). A training call in such a loop (a Keras agent's
// `fit` on each transition) is made that many times, so the loop's range is not the count of its calls.
import type { Expression, Statement } from "../python/ast";
import type { Value } from "../interp/values";
import { environmentEpisode, fixedEpisodeSteps } from "./episode-length";

/** The turns a counted `for` loop of `counted` passes makes: `counted` unless it is an environment episode broken on
 *  `done`, then the environment's time limit where it never terminates (at most `counted`), else undefined. */
export function episodeTurns(loop: Extract<Statement, { type: "for" }>, counted: number, evaluate: (e: Expression) => Value | undefined): number | undefined {
  const episode = environmentEpisode(loop);
  if (!episode) return counted;
  const limit = fixedEpisodeSteps(evaluate(episode.env));
  return limit === undefined ? undefined : Math.min(limit, counted);
}
