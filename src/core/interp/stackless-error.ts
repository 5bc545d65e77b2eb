// The interpreter throws and catches its own errors by the thousand in one analysis (an unknown value met in every
// turn of a 50,000-item comprehension); capturing a JavaScript stack for each cost a quarter of such a run, and no
// one reads those stacks: what the report cites is the Python location the interpreter sets as it unwinds.

/** An Error that carries no JavaScript stack: cheap to throw as control flow of the interpreted program. */
export class StacklessError extends Error {
  constructor(message: string) {
    // V8 reads stackTraceLimit as the error is built; engines without the property are left as they are.
    const errors = Error as { stackTraceLimit?: number };
    const limit = errors.stackTraceLimit;
    if (limit !== undefined) errors.stackTraceLimit = 0;
    super(message);
    if (limit !== undefined) errors.stackTraceLimit = limit;
  }
}
