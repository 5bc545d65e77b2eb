import { z } from "zod";
import data from "./device-memory.json";

const deviceSchema = z.object({
  memoryGiB: z.number().positive(),
  linkGBs: z.number().positive().optional(),
  link: z.string().min(1),
  source: z.string().min(1),
});
const fileSchema = z.object({ devices: z.record(z.string(), deviceSchema) });

/** A device's memory capacity and its link to the other devices of a data-parallel job, with their source. */
export interface DeviceMemory {
  id: string;
  memoryBytes: number;
  /** One direction's device-to-device bandwidth (bytes/s), when the part can link to others. */
  linkBytesPerSecond?: number;
  link: string;
  source: string;
}

let devices: Map<string, DeviceMemory> | undefined;

/** The capacity and link of a hardware profile id, or undefined when the data does not list it. */
export function deviceMemory(id: string): DeviceMemory | undefined {
  devices ??= new Map(Object.entries(fileSchema.parse(data).devices).map(([key, d]) => [key, {
    id: key,
    memoryBytes: d.memoryGiB * 2 ** 30,
    linkBytesPerSecond: d.linkGBs === undefined ? undefined : d.linkGBs * 1e9,
    link: d.link,
    source: d.source,
  }]));
  return devices.get(id.toLowerCase());
}
