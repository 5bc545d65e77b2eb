// Derives data/grid/offline-tables.json from the shipped originals so the pure core can import plain JSON
// (the core reads no files, and tsx cannot import a .csv). Run after changing any input:
//   node tools/build-grid-data.mjs [--zone-tab /usr/share/zoneinfo/zone.tab] [--iso-codes /usr/share/iso-codes/json/iso_3166-1.json]
// Inputs:
//   data/grid/region-grid-intensity.csv: Green Algorithms CI_aggregated.csv (CC BY 4.0), kept unchanged.
//   zone.tab (IANA tz database, public domain): time zone -> ISO 3166 alpha-2 country, plus tzdata's alias links.
//   iso_3166-1.json (Debian iso-codes): ISO 3166-1 alpha-2 -> alpha-3 pairs.
import { readFileSync, writeFileSync, readdirSync, lstatSync, readlinkSync, renameSync } from "node:fs";
import { join, dirname, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const zoneTabPath = option("--zone-tab", "/usr/share/zoneinfo/zone.tab");
const isoCodesPath = option("--iso-codes", "/usr/share/iso-codes/json/iso_3166-1.json");
const root = join(dirname(new URL(import.meta.url).pathname), "..");
const outPath = join(root, "data/grid/offline-tables.json");

// One CSV reader for the project (RFC 4180 quoting): src/core/csv.ts, loaded through tsx (a dev dependency).
const { parseCsvRows } = await tsImport(pathToFileURL(join(root, "src/core/csv.ts")).href, import.meta.url);
const splitCsvLine = (line) => parseCsvRows(line)[0] ?? [];

function readRegions() {
  const lines = readFileSync(join(root, "data/grid/region-grid-intensity.csv"), "utf8").split(/\r?\n/).filter((l) => l.trim());
  // Two header rows: the first holds units, the second the column names.
  const header = splitCsvLine(lines[1]);
  const expected = ["location", "continentName", "countryName", "regionName", "carbonIntensity", "Type", "source", "comments"];
  if (expected.some((name, i) => header[i] !== name)) throw new Error(`unexpected CSV header: ${header.join(",")}`);
  return lines.slice(2).map((line, i) => {
    const [location, continent, country, region, intensity, type, source, comments] = splitCsvLine(line);
    const gco2PerKwh = Number(intensity);
    if (!location || !Number.isFinite(gco2PerKwh)) throw new Error(`bad CSV row ${i + 3}: ${line}`);
    return { location, continent, country, region, gco2PerKwh, type, source, comments: comments ?? "" };
  });
}

function readTimeZones() {
  const zoneDir = dirname(zoneTabPath);
  const zones = {};
  for (const line of readFileSync(zoneTabPath, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [country, , zone] = line.split("\t");
    zones[zone] = country;
  }
  // tzdata installs old names (Asia/Calcutta, Europe/Kiev) as links to the current zone: give them its country.
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isSymbolicLink()) {
        const alias = relative(zoneDir, path);
        const target = relative(zoneDir, join(dirname(path), readlinkSync(path)));
        if (!(alias in zones) && target in zones && /^[A-Z][A-Za-z_-]+\//.test(alias)) zones[alias] = zones[target];
      }
    }
  };
  walk(zoneDir);
  return Object.fromEntries(Object.entries(zones).sort(([a], [b]) => a.localeCompare(b)));
}

function readAlpha3() {
  const entries = JSON.parse(readFileSync(isoCodesPath, "utf8"))["3166-1"];
  return Object.fromEntries(entries.map((e) => [e.alpha_2, e.alpha_3]).sort(([a], [b]) => a.localeCompare(b)));
}

const tables = {
  sources: {
    regions: "data/grid/region-grid-intensity.csv: Green Algorithms calculator, data/latest/CI_aggregated.csv (CC BY 4.0; Lannelongue, Grealey and Inouye, Advanced Science 2021)",
    timeZoneCountry: "IANA time zone database zone.tab and its alias links (public domain), tzdata as installed by Debian",
    alpha2ToAlpha3: "ISO 3166-1 alpha-2 to alpha-3 codes, from Debian iso-codes iso_3166-1.json",
  },
  regions: readRegions(),
  timeZoneCountry: readTimeZones(),
  alpha2ToAlpha3: readAlpha3(),
};
// Write then rename, so an interrupted run never leaves a half-written table.
writeFileSync(`${outPath}.tmp`, `${JSON.stringify(tables, null, 1)}\n`);
renameSync(`${outPath}.tmp`, outPath);
console.log(`wrote ${relative(root, outPath)}: ${tables.regions.length} regions, ${Object.keys(tables.timeZoneCountry).length} time zones, ${Object.keys(tables.alpha2ToAlpha3).length} countries`);
