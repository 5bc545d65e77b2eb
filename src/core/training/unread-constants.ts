// A count bound to a name the file never reads (`n_epochs = 5 if len(argv) == 1 else int(argv[1])`, then
// `trainer.train()` with no argument): Python computes it and nothing uses it, so it cannot be the run's figure.
import { commentFreeText } from "../python/comment-free-text";

const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** True when `name` appears in the file's code only as an assignment's target: never read, passed or formatted. */
export function neverRead(name: string, text: string): boolean {
  const code = commentFreeText(text);
  const uses = code.match(new RegExp(`\\b${escaped(name)}\\b`, "g"))?.length ?? 0;
  const bound = code.match(new RegExp(`\\b${escaped(name)}\\s*(?::[^=\\n]*)?=(?!=)`, "g"))?.length ?? 0;
  return uses > 0 && uses === bound;
}
