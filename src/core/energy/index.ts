// The energy model's public surface (docs/energy.md).
export { carbonOf, costOf, JOULES_PER_KWH, WORLD_AVERAGE_GCO2_PER_KWH, type CarbonBasis } from "./carbon";
export { errorBands, rangeFactors, type ErrorBands, type RangeFactors, type Regime } from "./error-bands";
export { estimateModel, precisionAlternatives, type Estimate, type EstimateRange, type FigureRange, type EstimateMode, type EstimateOptions, type LayerShare, type PrecisionAlternative } from "./estimate";
export { hardwareProfile, hardwareProfiles, incompleteProfiles, missingFigures, parseHardwareProfiles, peakFlops, type HardwareProfile, type IncompleteProfile } from "./hardware";
export { AUTO_HOST, hostProfile, hostProfiles, parseHostProfiles, resolveHost, type HostProfile } from "./host";
export { PRECISIONS, BYTES_PER_ELEMENT, isPrecision, type Precision } from "./precision";
export {
  estimateClusterRun,
  estimateTrainingRun,
  trainingSteps,
  type ClusterRun,
  type ClusterRunEstimate,
  type TrainingRunEstimate,
  type TrainingSchedule,
} from "./training-run";
