// The embedded yearly averages (data/grid, sources and licences in data/grid/NOTICE.md). esbuild bundles the JSON;
// tools/build-grid-data.mjs derives offline-tables.json from the shipped CSV and the tz database.
import countryTable from "../../../data/grid/country-grid-intensity.json";
import offlineTables from "../../../data/grid/offline-tables.json";

export interface CountryIntensity {
  gco2_per_kwh: number;
  name: string;
  year: number;
}

export interface RegionIntensity {
  location: string;
  continent: string;
  country: string;
  region: string;
  gco2PerKwh: number;
  type: string;
  source: string;
  comments: string;
}

/** ISO 3166-1 alpha-3 → yearly average (CodeCarbon's global_energy_mix.json, from Our World in Data / Ember). */
export const COUNTRY_INTENSITY: Readonly<Record<string, CountryIntensity>> = countryTable;

/** Countries and sub-national regions (Green Algorithms CI_aggregated.csv), each row with its own source. */
export const REGION_INTENSITY: readonly RegionIntensity[] = offlineTables.regions;

/** IANA time zone → ISO 3166 alpha-2 (tz database zone.tab and alias links). */
export const TIME_ZONE_COUNTRY: Readonly<Record<string, string>> = offlineTables.timeZoneCountry;

/** ISO 3166-1 alpha-2 → alpha-3. */
export const ALPHA2_TO_ALPHA3: Readonly<Record<string, string>> = offlineTables.alpha2ToAlpha3;

export const COUNTRY_TABLE_SOURCE = "CodeCarbon global_energy_mix.json (Our World in Data / Ember), MIT";
export const REGION_TABLE_SOURCE = "Green Algorithms CI_aggregated.csv, CC BY 4.0";
