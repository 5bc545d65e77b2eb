// A default region from the system's time zone, so `greenlight grid` answers for the user's country with no setup.
import { TIME_ZONE_COUNTRY } from "./offline-tables";

export interface DefaultRegion {
  region: string;
  /** One line saying where the region came from, shown to the user. */
  note: string;
}

/** Maps an IANA time zone (Europe/London) to its ISO 3166 alpha-2 country (GB); WORLD when unknown. */
export function regionFromTimeZone(timeZone: string | undefined): DefaultRegion {
  const country = timeZone ? TIME_ZONE_COUNTRY[timeZone] : undefined;
  if (country) return { region: country, note: `region ${country} taken from the time zone ${timeZone}; set a region to change it` };
  return {
    region: "WORLD",
    note: `no region set and the time zone ${timeZone ? `'${timeZone}'` : "(unknown)"} names no country: using the world average; set a region`,
  };
}
