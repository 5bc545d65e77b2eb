import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The Hugging Face hub cache folders, in the order huggingface_hub resolves them (constants.py, huggingface_hub
 * 1.x): HF_HUB_CACHE, else HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub.
 */
export function huggingFaceCaches(env: NodeJS.ProcessEnv = process.env, home = homedir()): string[] {
  const hfHome = env.HF_HOME || join(env.XDG_CACHE_HOME || join(home, ".cache"), "huggingface");
  const caches = [env.HF_HUB_CACHE, env.HUGGINGFACE_HUB_CACHE, join(hfHome, "hub")].filter((c): c is string => !!c);
  return [...new Set(caches)];
}
