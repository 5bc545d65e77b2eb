import type { SourceLocation } from "./values";

/** Raised when an analysis runs out of steps or time; never caught by the analyzed code's try/except. */
export class BudgetExceeded extends Error {
  /** The innermost statement running when the budget ran out (set by the interpreter as it unwinds). */
  location?: SourceLocation;
  constructor(readonly what: "steps" | "time" | "depth") {
    super(what === "depth" ? "recursion too deep" : `analysis budget exhausted (${what})`);
    this.name = "BudgetExceeded";
  }
}

/** Step, time and call-depth limits for one analysis, so no input can hang it. */
export class Budget {
  private steps = 0;
  private readonly deadline: number;
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
    if ((this.steps & 1023) === 0 && this.now() > this.deadline) throw new BudgetExceeded("time");
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
