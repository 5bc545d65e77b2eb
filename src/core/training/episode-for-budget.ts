// A step budget whose episodes are written as a counted `for` (PPO-PyTorch's `while time_step <= max_training_timesteps:`
// around `for t in range(1, max_ep_len + 1):`, the update under `if time_step % update_timestep == 0:`): the `for` adds
// one to the budget's counter on each of its passes, as a `while not done:` episode does, so the update calls are
// counted on the budget's counter the same way (budget-gated-steps.ts); the `for`'s own length only caps an episode.
import type { CodeSite } from "./code-sites";

type WhileSite = Extract<CodeSite, { kind: "while" }>;
type ForSite = Extract<CodeSite, { kind: "loop" }>;

/** The one counted `for` loop among `holding` (the `for` loops around a call, in the budget's function) that is a
 *  statement of the budget `while`'s own body and iterates a `range(...)`; undefined otherwise. */
export function episodeForIn(budget: WhileSite, holding: readonly ForSite[]): ForSite | undefined {
  const inside = holding.filter((l) => budget.loop.pos.startIndex <= l.loop.pos.startIndex && l.loop.pos.endIndex <= budget.loop.pos.endIndex);
  if (inside.length !== 1) return undefined;
  const episode = inside[0];
  const iter = episode.loop.iter;
  const counted = iter.type === "call" && iter.func.type === "name" && iter.func.id === "range";
  return counted && budget.loop.body.includes(episode.loop) ? episode : undefined;
}
