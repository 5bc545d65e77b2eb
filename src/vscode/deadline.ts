// A wait with an upper bound, for lookups the editor can do without (the report's training plan): past the
// deadline, or on failure, the caller gets the reason and goes on with its fallback; nothing is thrown.

/** The lookup's value, or why there is none (it failed, or it took longer than allowed). */
export type Bounded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Waits for `work` at most `milliseconds`; a rejection or the deadline becomes `{ ok: false, reason }`. */
export function withDeadline<T>(work: () => Promise<T>, milliseconds: number, what: string): Promise<Bounded<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Bounded<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `${what} took longer than ${milliseconds} ms` }), milliseconds);
    let started: Promise<T>;
    try {
      started = work();
    } catch (error) {
      // A synchronous throw is a failure like a rejection.
      started = Promise.reject(error);
    }
    started.then(
      (value) => finish({ ok: true, value }),
      (error: unknown) => finish({ ok: false, reason: `${what} failed: ${error instanceof Error ? error.message : String(error)}` }),
    );
  });
}
