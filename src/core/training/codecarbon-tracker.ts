// Where a script's CodeCarbon tracker writes its runs, read from the code: `EmissionsTracker(...)`,
// `OfflineEmissionsTracker(...)` (constructed, or used as a context manager) and the `@track_emissions(...)`
// decorator, with their project_name, output_dir and output_file (CodeCarbon's defaults: "codecarbon", ".",
// "emissions.csv", codecarbon/core/config and emissions_tracker.py). The report matches those runs to the script.
import type { Expression, Statement } from "../python/ast";
import type { TrackerTarget } from "../energy/codecarbon";
import { mentions } from "../python/syntax-walk";

/** A tracker found in the code, and the line it is on. */
export interface TrackerSite extends TrackerTarget {
  line: number;
  /** "EmissionsTracker(project_name='mnist')" as written (shortened). */
  detail: string;
}

/** CodeCarbon's defaults for the three arguments. */
export const TRACKER_DEFAULTS: TrackerTarget = { projectName: "codecarbon", outputDir: ".", outputFile: "emissions.csv" };

const TRACKER_CALLEES = new Set(["EmissionsTracker", "OfflineEmissionsTracker", "track_emissions"]);

/** Whether a callee's last name is one of CodeCarbon's trackers. */
export function isTrackerCallee(callee: string): boolean {
  return TRACKER_CALLEES.has(callee.split(".").pop() ?? "");
}

type Call = Extract<Expression, { type: "call" }>;

/** A tracker call's target, each argument through `stringOf` (evaluated at the call site, or a literal). An
 *  argument that does not come out as a string leaves the tracker unmatched rather than matched on a default. */
export function trackerFromCall(call: Call, callee: string, text: string, stringOf: (e: Expression) => string | undefined): TrackerSite | undefined {
  const target = { ...TRACKER_DEFAULTS };
  const keys = { project_name: "projectName", output_dir: "outputDir", output_file: "outputFile" } as const;
  for (const arg of call.args) {
    if (arg.kind !== "keyword" || !(arg.name in keys)) continue;
    const value = stringOf(arg.value);
    if (value === undefined || value === "") return undefined;
    target[keys[arg.name as keyof typeof keys]] = value;
  }
  const written = text.slice(call.pos.startIndex, call.pos.endIndex).replace(/\s+/g, " ");
  return { ...target, line: call.pos.line, detail: written.length > 80 ? `${written.slice(0, 77)}...` : written || callee };
}

/** A string literal's value (for decorators, which run before any statement of the module could be sliced). */
export function literalString(e: Expression): string | undefined {
  return e.type === "str" && e.value !== null ? e.value : undefined;
}

/** `@track_emissions(...)` on functions and methods anywhere in the module. */
export function trackerDecorators(body: Statement[], text: string): TrackerSite[] {
  const found: TrackerSite[] = [];
  // A function whose text names no tracker holds none: its body is neither walked nor lowered.
  const count = mentions(text, TRACKER_CALLEES);
  const visit = (block: Statement[]) => {
    for (const s of block) {
      if (s.type === "function" || s.type === "class") {
        for (const d of s.decorators) {
          if (d.type !== "call") continue;
          const callee = calleeName(d.func);
          if (isTrackerCallee(callee)) {
            const site = trackerFromCall(d, callee, text, literalString);
            if (site) found.push(site);
          }
        }
        if (s.type === "class" || count(s.pos.startIndex, s.pos.endIndex) > 0) visit(s.body);
      } else if ("body" in s && Array.isArray(s.body)) visit(s.body as Statement[]);
    }
  };
  visit(body);
  return found;
}

function calleeName(e: Expression): string {
  if (e.type === "name") return e.id;
  if (e.type === "attribute") return e.name;
  return "";
}
