// Facts a plan asks of a module again and again (on each step loop it reads): worked out once for a module's
// statements and text, and again only when either changes.
import type { Statement } from "./ast";

/** `read`, remembered per module body for the text it was read with. */
export function perModuleText<T>(read: (body: Statement[], text: string) => T): (body: Statement[], text: string) => T {
  const last = new WeakMap<Statement[], { text: string; value: T }>();
  return (body, text) => {
    const known = last.get(body);
    if (known?.text === text) return known.value;
    const value = read(body, text);
    last.set(body, { text, value });
    return value;
  };
}
