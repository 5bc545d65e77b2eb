// The CodeCarbon runs of a script, for the report: the files its tracker writes (read through a reader the caller
// gives, so the logic runs without the editor), matched by project name, and why nothing matched when nothing did.
import { parseEmissionsCsv, parseEmissionsJson, runsOfTracker, trackerFiles, type CodeCarbonRun } from "../core/energy/codecarbon";
import type { TrackerSite } from "../core/training/codecarbon-tracker";

/** What was found for a tracker: its runs, the file they came from, rows that could not be read. */
export interface TrackerRuns {
  runs: CodeCarbonRun[];
  /** The file the runs came from (the first that holds any), or undefined. */
  file?: string;
  /** Files that exist but could not be read, or rows they could not parse. */
  problems: string[];
  /** Where it looked, for "no runs found in ...". */
  looked: string[];
}

/** Reads a tracker's runs: output_dir/output_file from the script's folder and each workspace folder, and a JSON
 *  or JSON-lines file of the same name beside it. `read` returns undefined for a file that does not exist. */
export async function readTrackerRuns(tracker: TrackerSite, scriptFile: string, roots: readonly string[], read: (path: string) => Promise<string | undefined>): Promise<TrackerRuns> {
  const scriptDir = scriptFile.slice(0, scriptFile.lastIndexOf("/")) || "/";
  const csvFiles = trackerFiles(tracker, scriptDir, roots);
  const looked = csvFiles.flatMap((file) => [file, ...(/\.csv$/i.test(file) ? [file.replace(/\.csv$/i, ".json"), file.replace(/\.csv$/i, ".jsonl")] : [])]);
  const problems: string[] = [];
  for (const file of looked) {
    let text: string | undefined;
    try {
      text = await read(file);
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (text === undefined) continue;
    const parsed = /\.csv$/i.test(file) ? parseEmissionsCsv(text, file) : parseEmissionsJson(text, file);
    problems.push(...parsed.problems);
    const runs = runsOfTracker(parsed.runs, tracker);
    if (runs.length > 0) return { runs, file, problems, looked };
  }
  return { runs: [], problems, looked };
}
