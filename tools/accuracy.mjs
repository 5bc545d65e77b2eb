#!/usr/bin/env node
// Recomputes the README's accuracy figures: analyzes each reference model of data/corpus/*.json with the built CLI
// and compares parameters and FLOPs with the measured truth.
//
//   npm run accuracy -- [--corpus .corpus] [--mirrors DIR] [--manifest data/corpus/dev.json] [--tolerance 0.01]
//                       [--python-env DIR] [--json]
//
// Manifests may group their entries (a "split" or "sweep" field: the figures are then given per group as well) and
// list models PyTorch itself could not build (truth.error: shown, never counted).
// Sources come from --corpus (laid out as OWNER+REPO/PATH) or, with --mirrors, from git directories of the named
// repositories at the named commit (written to a temporary folder, never into the repository). An entry with a
// `script` is a user's file that builds its model through a library installed in --python-env (timm, transformers).
// It is analyzed with no --entry or --input flag; its `files` (path: text, e.g. a local checkpoint's config.json) are
// written beside it. An entry with `model` (and, for a notebook, `cell`: Jupyter's 1-based cell number, markdown
// included) and no `entry` is the file analyzed as its user has it, no --entry or --input: the report's model of that
// name bound in that cell is compared (a notebook's printed model.summary() is the truth of the model as it builds it).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { parseArgs } from "node:util";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: join(root, ".corpus") },
    mirrors: { type: "string" },
    manifest: { type: "string", multiple: true },
    json: { type: "boolean", default: false },
    tolerance: { type: "string", default: "0.01" },
    "python-env": { type: "string" },
  },
});
const manifests = values.manifest ?? [join(root, "data/corpus/dev.json"), join(root, "data/corpus/keras-dev.json")];
const cli = join(root, "dist/cli.js");
if (!existsSync(cli)) {
  console.error("accuracy: build first (npm run build)");
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), "greenlight-accuracy-"));

/** The source's file on disk: from --corpus, else checked out of a mirror at the named commit. */
function sourceFile(source) {
  const match = /^([^/]+)\/([^@]+)@([0-9a-f]+):(.+)$/.exec(source);
  if (!match) return undefined;
  const [, owner, repo, commit, path] = match;
  const laidOut = join(values.corpus, `${owner}+${repo}`, path);
  if (existsSync(laidOut)) return { file: laidOut, root: join(values.corpus, `${owner}+${repo}`) };
  if (!values.mirrors) return undefined;
  const mirror = [join(values.mirrors, `${owner}+${repo}`, "repo", ".git"), join(values.mirrors, `${owner}+${repo}`, "repo"), join(values.mirrors, `${owner}+${repo}`)].find((d) => existsSync(d));
  if (!mirror) return undefined;
  const checkout = join(scratch, `${owner}+${repo}`);
  // The source's top folder at the commit and every Python file of the repository (models import their neighbours,
  // and a package's modules import top-level folders beside it: Informer's models/ imports utils/), else only Python
  // files (a folder with data files the mirror lacks), else the file's own folder's Python files.
  const top = path.includes("/") ? path.split("/")[0] : "";
  const marker = join(checkout, `.extracted-${top || "root"}`);
  if (!existsSync(marker)) {
    mkdirSync(checkout, { recursive: true });
    const tries = top ? [[top, ":(glob)**/*.py"], [":(glob)**/*.py"], [`${dirname(path)}/*.py`]] : [[":(glob)**/*.py"], ["*.py"]];
    const extracted = tries.some((pathspec) => {
      try {
        // The source itself too: a notebook at the top of a repository is not among its Python files.
        const tar = execFileSync("git", ["--git-dir", mirror, "archive", "--format=tar", commit, "--", ...pathspec, path], { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] });
        execFileSync("tar", ["-x", "-C", checkout], { input: tar });
        return true;
      } catch {
        return false;
      }
    });
    if (!extracted) return undefined;
    writeFileSync(marker, "");
  }
  if (!existsSync(join(checkout, path))) {
    // A second notebook at the top of an already extracted repository.
    try {
      const tar = execFileSync("git", ["--git-dir", mirror, "archive", "--format=tar", commit, "--", path], { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] });
      execFileSync("tar", ["-x", "-C", checkout], { input: tar });
    } catch {
      return undefined;
    }
  }
  return existsSync(join(checkout, path)) ? { file: join(checkout, path), root: checkout } : undefined;
}

const within = (got, want, tolerance) => want === 0 ? got === 0 : Math.abs(got - want) / want <= tolerance;
const tolerance = Number(values.tolerance);
const rows = [];
for (const manifest of manifests) {
  for (const entry of JSON.parse(readFileSync(manifest, "utf8"))) {
    const group = entry.split ?? entry.sweep;
    if (entry.truth.error) {
      rows.push({ id: entry.id, group, unbuildable: entry.truth.error });
      continue;
    }
    let args;
    if (entry.script !== undefined) {
      // A user's script that builds its model through an installed library: analyzed as a user would, with no
      // --entry or --input (the default input must be the one the truth was measured at), against --python-env.
      if (!values["python-env"]) {
        rows.push({ id: entry.id, group, missing: true });
        continue;
      }
      const folder = join(scratch, entry.id);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, "main.py"), entry.script);
      // Files the script reads beside it, as a user has them (a checkpoint folder's config.json).
      for (const [path, text] of Object.entries(entry.files ?? {})) {
        if (isAbsolute(path) || path.split(/[\\/]/).includes("..")) throw new Error(`${manifest}: ${entry.id}: file path ${path} leaves the script's folder`);
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        writeFileSync(join(folder, path), text);
      }
      args = ["analyze", join(folder, "main.py"), "--root", folder, "--format", "json", "--no-findings"];
    } else {
      const found = sourceFile(entry.source);
      if (!found) {
        rows.push({ id: entry.id, group, missing: true });
        continue;
      }
      args = ["analyze", found.file, "--root", found.root, "--format", "json", "--no-findings"];
      if (entry.entry !== undefined) args.push("--entry", entry.entry);
      for (const input of entry.inputs ?? []) args.push("--input", input.shape.join("x") + (input.dtype === "int64" ? ":int64" : ""));
    }
    if (values["python-env"]) args.push("--python-env", values["python-env"]);
    let model;
    try {
      const models = JSON.parse(execFileSync(process.execPath, [cli, ...args], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] })).models;
      model = entry.model === undefined ? models[0] : models.find((m) => m.name === entry.model && (entry.cell === undefined || m.cell?.index === entry.cell));
    } catch (err) {
      rows.push({ id: entry.id, group, error: String(err.message).split("\n")[0] });
      continue;
    }
    const truth = entry.truth;
    rows.push({
      id: entry.id,
      group,
      share: model?.coverage?.flops_share,
      complete: model?.complete,
      params: model?.params,
      truthParams: truth.params,
      flops: model?.flops,
      truthFlops: truth.flops,
      paramsExact: model?.params === truth.params,
      found: model !== undefined,
      why: model?.complete === false ? model.unresolved?.[0] : undefined,
      flopsWithin1: truth.flops === undefined || truth.flops === null ? undefined : within(model?.flops ?? -1, truth.flops, tolerance),
    });
  }
}
rmSync(scratch, { recursive: true, force: true });

/** The figures of some rows: analyzed, parameters exact, FLOPs within the tolerance. */
function figures(of) {
  const measured = of.filter((r) => !r.missing && !r.error && !r.unbuildable);
  const withFlops = measured.filter((r) => r.flopsWithin1 !== undefined);
  return {
    models: of.length,
    unbuildable: of.filter((r) => r.unbuildable).length,
    analyzed: measured.length,
    params_exact: measured.filter((r) => r.paramsExact).length,
    flops_within_1pct: withFlops.filter((r) => r.flopsWithin1).length,
    flops_measured: withFlops.length,
    // the worst outcome: a figure off the truth in a report that says it is complete
    silent_misses: measured.filter((r) => r.complete !== false && (!r.paramsExact || r.flopsWithin1 === false)).map((r) => r.id),
  };
}
const pct = `${Number((tolerance * 100).toPrecision(3))}%`;
const summary = {
  ...figures(rows),
  tolerance,
  missing_sources: rows.filter((r) => r.missing).map((r) => r.id),
  errors: rows.filter((r) => r.error).map((r) => ({ id: r.id, error: r.error })),
  groups: Object.fromEntries([...new Set(rows.map((r) => r.group).filter((g) => g !== undefined))].map((g) => [g, figures(rows.filter((r) => r.group === g))])),
};
if (values.json) {
  console.log(JSON.stringify({ rows, summary }, null, 1));
} else {
  for (const r of rows) {
    if (r.missing) console.log(`${r.id.padEnd(28)} source not found (see data/corpus/README.md; script entries need --python-env)`);
    else if (r.unbuildable) console.log(`${r.id.padEnd(28)} PyTorch cannot build it either: ${r.unbuildable.slice(0, 100)}`);
    else if (r.error) console.log(`${r.id.padEnd(28)} error: ${r.error}`);
    else {
      const flops = r.truthFlops === undefined || r.truthFlops === null ? "no FLOPs truth" : `FLOPs ${r.flops} vs ${r.truthFlops} (${(((r.flops - r.truthFlops) / r.truthFlops) * 100).toFixed(2)}%)`;
      const partial = r.complete === false ? `, partial: ${((r.share ?? 1) * 100).toFixed(1)}% of FLOPs from known shapes` : "";
      const why = r.why === undefined ? "" : `; why: ${typeof r.why === "string" ? r.why : JSON.stringify(r.why)}`.slice(0, 200);
      if (!r.found) console.log(`${r.id.padEnd(28)} no model of that name there (of ${r.truthParams} params)`);
      else console.log(`${r.id.padEnd(28)} params ${r.paramsExact ? "exact" : `${r.params} vs ${r.truthParams}`}, ${flops}${partial}${why}`);
    }
  }
  const line = (f) => `parameters exact for ${f.params_exact}/${f.analyzed}; FLOPs within ${pct} for ${f.flops_within_1pct}/${f.flops_measured}` + (f.unbuildable ? `; ${f.unbuildable} PyTorch cannot build` : "") +
    (f.silent_misses.length ? `; off and reported complete: ${f.silent_misses.join(", ")}` : "");
  for (const [g, f] of Object.entries(summary.groups)) console.log(`${g}: ${line(f)}`);
  console.log(`\n${line(summary)}` + (summary.missing_sources.length ? `; ${summary.missing_sources.length} sources not found` : ""));
}
process.exitCode = summary.missing_sources.length === rows.length ? 2 : 0;
