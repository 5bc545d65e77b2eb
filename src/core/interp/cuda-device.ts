/** The one CUDA device the analyzed run targets, as torch.cuda reports it; undefined in AnalysisSetup means none. */
export interface CudaDevice {
  /** The hardware profile id it comes from (h100-sxm). */
  id: string;
  /** What torch.cuda.get_device_name() returns. */
  name: string;
  /** torch.cuda.get_device_capability(): (major, minor). */
  capability: [number, number];
  /** get_device_properties(0).total_memory, bytes; undefined when the data does not list it. */
  totalMemory?: number;
}
