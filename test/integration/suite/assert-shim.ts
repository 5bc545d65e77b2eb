// The subset of Node's `assert` the integration tests use, for the web-worker extension host (no Node built-ins).
function fail(message: string): never {
  throw new Error(message);
}

const show = (value: unknown) => JSON.stringify(value);

export function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message ?? `expected a truthy value, got ${show(value)}`);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (actual !== expected) fail(message ?? `expected ${show(actual)} to be ${show(expected)}`);
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (actual === expected) fail(message ?? `expected ${show(actual)} not to be ${show(expected)}`);
}

export function deepStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (show(actual) !== show(expected)) fail(message ?? `expected ${show(actual)} to deep-equal ${show(expected)}`);
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(actual)) fail(message ?? `expected ${show(actual)} to match ${pattern}`);
}

export async function rejects(action: Promise<unknown> | (() => Promise<unknown>), message?: string): Promise<void> {
  try {
    await (typeof action === "function" ? action() : action);
  } catch {
    return;
  }
  fail(message ?? "expected a rejection");
}
