// Every command's options, as data: the parser (node:util parseArgs) and `--help` both read these, so help lists
// every option a command accepts. Kept free of the commands' code so `greenlight --help` loads nothing else.

/** One option: `--name VALUE` (value given), or a flag (no value). */
export interface OptionSpec {
  name: string;
  /** The value's placeholder in help (`ID`, `SHAPE`); absent for a flag. */
  value?: string;
  /** May be given more than once (`--input 1x3 --input 1x5`). */
  multiple?: boolean;
  help: string;
}

/** A command: its synopsis, one line of what it does, its options and how many FILE arguments it takes. */
export interface CommandSpec {
  name: string;
  synopsis: string;
  summary: string;
  positionals: { min: number; max: number; what: string };
  options: OptionSpec[];
  /** Lines after the options: examples, exit codes. */
  notes?: string[];
}

const FORMAT_TABLE_JSON: OptionSpec = { name: "format", value: "table|json", help: "output format (default table)" };

/** The grid options `grid` and `window` share. */
const GRID_OPTIONS: OptionSpec[] = [
  { name: "provider", value: "uk|electricitymaps|watttime|carbon-aware-sdk|offline", help: "where the intensity comes from (default offline, or GREENLIGHT_GRID_PROVIDER)" },
  { name: "region", value: "R", help: "the provider's region: a country code (GB, DEU), zone, region id or postcode (default: from the time zone)" },
  { name: "endpoint", value: "URL", help: "base URL of the provider's API (a proxy, a self-hosted Carbon Aware SDK)" },
  { name: "timeout", value: "DURATION", help: "most time for the provider's answer, retries included, before the offline fallback (default 10s)" },
  FORMAT_TABLE_JSON,
];

export const COMMAND_SPECS: Record<string, CommandSpec> = {
  analyze: {
    name: "analyze",
    synopsis: "analyze FILE... [options]",
    summary: "parameters, FLOPs, energy and carbon of every model in FILE (a .py file, a notebook or a folder), and the findings with their fixes",
    positionals: { min: 1, max: Infinity, what: "FILE (a .py file, a notebook .ipynb or a folder)" },
    options: [
      { name: "entry", value: "EXPR", help: "a Python expression in FILE's namespace that builds one model: 'GPT(GPTConfig())' (needs exactly one FILE)" },
      { name: "input", value: "SHAPE", multiple: true, help: "the forward input: dims joined by x, ':int64' for token ids (1x3x224x224, 1x1024:int64); repeat for several arguments" },
      { name: "root", value: "DIR", help: "where imports resolve from (default: the nearest folder up with .git, pyproject.toml or setup.py)" },
      { name: "python-env", value: "DIR", help: "the Python environment packages resolve from, read and never run (default: VIRTUAL_ENV, CONDA_PREFIX, else .venv/venv up from the file, else the working directory's)" },
      { name: "format", value: "table|json|markdown|sarif", help: "output format (default table); sarif for code scanning" },
      { name: "hardware", value: "ID", help: "hardware profile of the energy estimate (default h100-sxm; greenlight hardware lists them)" },
      { name: "host", value: "ID", help: "host class that drives the accelerator (default: the one the hardware profile names; greenlight hardware lists them)" },
      { name: "dtype", value: "fp32|tf32|bf16|fp16|int8|fp64", help: "numeric precision of the estimate (default: what the script sets, else fp32)" },
      { name: "mode", value: "inference|train", help: "estimate a forward pass, or a training step and the whole run (default inference)" },
      { name: "region", value: "CODE", help: "grid region for carbon, from the offline table: DEU, US-CA, GB (default: the world average)" },
      { name: "pue", value: "N", help: "power usage effectiveness of the site, 1 to 3 (default 1)" },
      { name: "epochs", value: "N", help: "training run: epochs, where the script does not say (with --mode train)" },
      { name: "samples", value: "N", help: "training run: samples per epoch, where the script does not say (with --mode train)" },
      { name: "batch", value: "N", help: "batch size of the estimate and the training run (default: the script's, else the input's)" },
      { name: "gpus", value: "N", help: "training run: data-parallel GPUs, where the code and its launch scripts do not say (with --mode train)" },
      { name: "no-findings", help: "leave the findings (GL001...) out of the table and Markdown output" },
    ],
    notes: [
      "Exit 0 when it analyzed (partial results included); 2 for bad arguments or unreadable files.",
      "Examples: greenlight analyze examples",
      "          greenlight analyze train.py --mode train --hardware a100-sxm --region DEU",
      "          greenlight analyze model.py --entry 'Net(width=64)' --input 8x3x32x32",
    ],
  },
  hardware: {
    name: "hardware",
    synopsis: "hardware [options]",
    summary: "the accelerators (--hardware) and host classes (--host) with their figures (sources in --format json)",
    positionals: { min: 0, max: 0, what: "" },
    options: [FORMAT_TABLE_JSON],
  },
  fix: {
    name: "fix",
    synopsis: "fix FILE [options]",
    summary: "lists the findings of FILE and the fixes each offers; with --rule, applies one fix in place (written atomically)",
    positionals: { min: 1, max: 1, what: "FILE" },
    options: [
      { name: "rule", value: "GL00N", help: "the rule whose finding to fix (GL001 to GL005)" },
      { name: "fix", value: "KIND", help: "which of the rule's fixes: dynamic-int8, weight-only-int8, prune-l1, inference-mode, autocast-bf16, bias-false, ... (default: the first)" },
      { name: "line", value: "N", help: "the finding's line, when the rule has several (in a notebook: the line within --cell)" },
      { name: "cell", value: "N", help: "a notebook's code cell the finding is in (1 is the first cell)" },
      { name: "all", help: "apply every finding's first fix (of --rule, if given), one after the other" },
      { name: "root", value: "DIR", help: "where imports resolve from" },
      { name: "prune-amount", value: "X", help: "fraction of weights prune-l1 removes, between 0 and 1 (default 0.3)" },
    ],
    notes: ["Exit 1 when there is nothing to fix, the file changed since it was read, or the fix would leave a syntax error."],
  },
  grid: {
    name: "grid",
    synopsis: "grid [options]",
    summary: "the grid's carbon intensity now and its forecast (offline: the embedded yearly average, which has no forecast)",
    positionals: { min: 0, max: 0, what: "" },
    options: GRID_OPTIONS,
    notes: ["Keys come from GREENLIGHT_ELECTRICITYMAPS_TOKEN, GREENLIGHT_WATTTIME_USERNAME and GREENLIGHT_WATTTIME_PASSWORD."],
  },
  window: {
    name: "window",
    synopsis: "window --duration 3h [options]",
    summary: "the greenest time to run a job before the deadline, and the saving against starting now",
    positionals: { min: 0, max: 0, what: "" },
    options: [
      { name: "duration", value: "DURATION", help: "how long the job runs: 3h, 90m, 1h30m (required)" },
      { name: "within", value: "DURATION", help: "the job must finish within this time from now, or from --from (default 24h)" },
      { name: "energy-kwh", value: "N", help: "the job's energy, to give the saving in grams as well as percent" },
      { name: "forecast", value: "FILE", help: "search a provider's forecast answer saved as JSON (UK, Electricity Maps, WattTime, Carbon Aware SDK) instead of asking a provider" },
      { name: "from", value: "TIME", help: "with --forecast: search from this ISO 8601 time (default now, or the saved forecast's start when now is outside it)" },
      ...GRID_OPTIONS,
    ],
    notes: ["Example: greenlight window --duration 3h --provider uk (live, no key), or --forecast saved.json for a saved answer."],
  },
};

/** Names of the commands, in the order help lists them. */
export const COMMAND_NAMES = ["analyze", "hardware", "fix", "grid", "window"] as const;
