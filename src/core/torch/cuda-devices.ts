import { z } from "zod";
import data from "./cuda-devices.json";
import { deviceMemory } from "../memory/device-memory";
import type { CudaDevice } from "../interp/cuda-device";

const fileSchema = z.object({ devices: z.record(z.string(), z.object({ name: z.string().min(1), capability: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]), source: z.string().min(1) })) });
let devices: Map<string, { name: string; capability: [number, number] }> | undefined;

/** The CUDA device a hardware profile id is to torch.cuda, or undefined when the profile has none (CPUs, TPUs, Apple). */
export function cudaDevice(hardwareId: string): CudaDevice | undefined {
  devices ??= new Map(Object.entries(fileSchema.parse(data).devices));
  const id = hardwareId.toLowerCase();
  const d = devices.get(id);
  if (!d) return undefined;
  return { id, name: d.name, capability: [d.capability[0], d.capability[1]], totalMemory: deviceMemory(id)?.memoryBytes };
}
