// The offline-only service, split from create-service so a host answering from the tables loads no provider code
// (zod, the HTTP stack): `greenlight grid` with no settings must answer in well under 200 ms.
import { GridService } from "./grid-service";
import { regionFromTimeZone } from "./time-zone-region";

/** A service over the embedded tables for `region`, or the time zone's country (noted) when none is given. */
export function createOfflineService(region: string | undefined, timeZone: string | undefined, now: () => number): { service: GridService; region: string } {
  const fallback = regionFromTimeZone(timeZone);
  const chosen = region?.trim() || fallback.region;
  const notes = region?.trim() ? [] : [fallback.note];
  return { service: new GridService({ region: chosen, offlineRegion: chosen, now, notes }), region: chosen };
}
