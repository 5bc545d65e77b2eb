// How a finding names where the code runs, for the selected hardware: "on a GPU" is only true when the target is
// one. With a CPU selected, a script's torch.cuda checks answer "no GPU" and the loop runs on the CPU, which has no
// tensor cores; the GPU advice still holds for when the script finds a GPU, and the message says so.
import { hardwareProfile } from "../energy/index";

/** Whether the selected hardware profile is a CPU (an unknown id counts as a GPU, the default target). */
export function targetIsCpu(hardware: string): boolean {
  try {
    return hardwareProfile(hardware).kind === "cpu";
  } catch {
    return false;
  }
}

/** "in fp32 on a GPU" on a GPU target; on a CPU target, that it is fp32 and the GPU it runs on when one is found. */
export function fp32Where(hardware: string): string {
  return targetIsCpu(hardware) ? `in fp32, on a GPU when the script finds one (the selected hardware, ${hardware}, is a CPU without tensor cores; this is for the GPU run)` : "in fp32 on a GPU";
}
