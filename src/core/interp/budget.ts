import type { SourceLocation } from "./values";

/** Most items an eagerly run generator may yield (the interpreter stops it there; a count that reaches it is not known). */
export const GENERATOR_LIMIT = 10_000;

/** Raised when an analysis runs out of steps or time; never caught by the analyzed code's try/except. */
export class BudgetExceeded extends Error {
  /** The innermost statement running when the budget ran out (set by the interpreter as it unwinds). */
  location?: SourceLocation;
  /** For "statement": the statement deadline that passed (whose runner skips that statement). */
  deadline?: number;
  constructor(readonly what: "steps" | "time" | "depth" | "statement") {
    super(what === "depth" ? "recursion too deep" : what === "statement" ? "a top-level statement ran past its share of the analysis time" : `analysis budget exhausted (${what})`);
    this.name = "BudgetExceeded";
  }
}

/** Step, time and call-depth limits for one analysis, so no input can hang it. */
export class Budget {
  private steps = 0;
  private readonly deadline: number;
  /** Where the top-level statement now running must stop (see limitStatement). */
  private statementDeadline = Infinity;
  depth = 0;

  constructor(
    readonly maxSteps: number,
    readonly maxMilliseconds: number,
    private readonly now: () => number,
    readonly maxDepth = 200,
  ) {
    this.deadline = now() + maxMilliseconds;
  }

  /** Counts one unit of work; checks the clock every 1,024 steps. */
  step(): void {
    this.steps++;
    if (this.steps > this.maxSteps) throw new BudgetExceeded("steps");
    if ((this.steps & 1023) === 0) {
      const t = this.now();
      if (t > this.deadline) throw new BudgetExceeded("time");
      if (t > this.statementDeadline) {
        const exceeded = new BudgetExceeded("statement");
        exceeded.deadline = this.statementDeadline;
        throw exceeded;
      }
    }
  }

  /**
   * Limits the statement about to run to a share of the time left (within any enclosing statement's limit); returns
   * its deadline. `endStatement` puts back the enclosing limit.
   */
  limitStatement(share: number): { deadline: number; previous: number } {
    const previous = this.statementDeadline;
    const t = this.now();
    this.statementDeadline = Math.min(previous, t + Math.max(0, this.deadline - t) * share);
    return { deadline: this.statementDeadline, previous };
  }

  endStatement(limit: { previous: number }): void {
    this.statementDeadline = limit.previous;
  }

  /** A fresh step allowance under the same deadline (one runaway top-level statement must not starve the rest). */
  refillSteps(): void {
    this.steps = 0;
  }

  enter(): void {
    if (++this.depth > this.maxDepth) {
      this.depth--;
      throw new BudgetExceeded("depth");
    }
  }

  leave(): void {
    this.depth--;
  }

  get used(): number {
    return this.steps;
  }
}
