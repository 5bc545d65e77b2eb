// torch.distributions on shapes: a distribution is its batch and event shape (torch.distributions.Distribution's
// `_extended_shape`); sampling and densities are element-wise work, 0 FLOPs under torch.utils.flop_counter. VAEs
// build them in __init__ (OneHotCategorical priors) and sample them in forward (Gamma reparameterisation).
import { nativeClass } from "../interp/classes";
import { bindArguments, freshId, size, tensor, toInts, unknown } from "../interp/construct";
import { PythonError, Unresolved, type BoundArguments, type ClassValue, type InstanceValue, type ModuleNamespaceValue, type NativeCall, type TensorDtype, type Value, UnknownInput } from "../interp/values";
import { broadcastShapes } from "./shapes";

/** How a distribution's shapes follow from its parameters. */
interface DistributionSpec {
  signature: string[];
  /** Parameter names whose shapes broadcast to batch_shape + event_shape. */
  tensors: string[];
  /** Trailing dims of the broadcast parameter shape that form one event (1 for categorical-vector families). */
  eventDims: number;
  /** True when one event is a one-hot vector over the last parameter dim although a Categorical's event is scalar. */
  dropEvent?: boolean;
  /** dtype of samples. */
  sampleDtype?: TensorDtype;
}

const LOC_SCALE: DistributionSpec = { signature: ["loc", "scale", "validate_args=None"], tensors: ["loc", "scale"], eventDims: 0 };
const PROBS_OR_LOGITS = ["probs=None", "logits=None", "validate_args=None"];

// Signatures as in PyTorch's torch/distributions/*.py.
const SPECS: Record<string, DistributionSpec> = {
  Normal: LOC_SCALE,
  LogNormal: LOC_SCALE,
  Laplace: LOC_SCALE,
  Cauchy: LOC_SCALE,
  Gumbel: LOC_SCALE,
  StudentT: { signature: ["df", "loc=0.0", "scale=1.0", "validate_args=None"], tensors: ["df", "loc", "scale"], eventDims: 0 },
  Uniform: { signature: ["low", "high", "validate_args=None"], tensors: ["low", "high"], eventDims: 0 },
  Gamma: { signature: ["concentration", "rate", "validate_args=None"], tensors: ["concentration", "rate"], eventDims: 0 },
  Beta: { signature: ["concentration1", "concentration0", "validate_args=None"], tensors: ["concentration1", "concentration0"], eventDims: 0 },
  Exponential: { signature: ["rate", "validate_args=None"], tensors: ["rate"], eventDims: 0 },
  Poisson: { signature: ["rate", "validate_args=None"], tensors: ["rate"], eventDims: 0 },
  Bernoulli: { signature: PROBS_OR_LOGITS, tensors: ["probs", "logits"], eventDims: 0 },
  Geometric: { signature: PROBS_OR_LOGITS, tensors: ["probs", "logits"], eventDims: 0 },
  Binomial: { signature: ["total_count=1", ...PROBS_OR_LOGITS], tensors: ["total_count", "probs", "logits"], eventDims: 0 },
  RelaxedBernoulli: { signature: ["temperature", ...PROBS_OR_LOGITS], tensors: ["probs", "logits"], eventDims: 0 },
  Dirichlet: { signature: ["concentration", "validate_args=None"], tensors: ["concentration"], eventDims: 1 },
  Categorical: { signature: PROBS_OR_LOGITS, tensors: ["probs", "logits"], eventDims: 1, dropEvent: true, sampleDtype: "int64" },
  OneHotCategorical: { signature: PROBS_OR_LOGITS, tensors: ["probs", "logits"], eventDims: 1 },
  RelaxedOneHotCategorical: { signature: ["temperature", ...PROBS_OR_LOGITS], tensors: ["probs", "logits"], eventDims: 1 },
  MultivariateNormal: { signature: ["loc", "covariance_matrix=None", "precision_matrix=None", "scale_tril=None", "validate_args=None"], tensors: ["loc"], eventDims: 1 },
};

/** PyTorch's torch/distributions/<file>.py modules and the names each defines. */
export const DISTRIBUTION_FILES: [string, string[]][] = [
  ["distribution", ["Distribution"]], ["normal", ["Normal"]], ["log_normal", ["LogNormal"]], ["laplace", ["Laplace"]],
  ["cauchy", ["Cauchy"]], ["gumbel", ["Gumbel"]], ["studentT", ["StudentT"]], ["uniform", ["Uniform"]], ["gamma", ["Gamma"]],
  ["beta", ["Beta"]], ["exponential", ["Exponential"]], ["poisson", ["Poisson"]], ["bernoulli", ["Bernoulli"]],
  ["geometric", ["Geometric"]], ["binomial", ["Binomial"]], ["relaxed_bernoulli", ["RelaxedBernoulli"]],
  ["dirichlet", ["Dirichlet"]], ["categorical", ["Categorical"]], ["one_hot_categorical", ["OneHotCategorical"]],
  ["relaxed_categorical", ["RelaxedOneHotCategorical"]], ["multivariate_normal", ["MultivariateNormal"]],
  ["independent", ["Independent"]], ["kl", ["kl_divergence"]],
];

function shapeOf(v: Value, what: string): number[] | undefined {
  if (v.kind === "tensor") return v.shape;
  if (v.kind === "int" || v.kind === "float" || v.kind === "bool" || v.kind === "none") return v.kind === "none" ? undefined : [];
  if (v.kind === "unknown") throw new UnknownInput(v);
  throw new PythonError(`${what} must be a number or a tensor, not ${v.kind}`);
}

const state = new WeakMap<InstanceValue, { batch: number[]; event: number[]; dtype: TensorDtype }>();

function distributionOf(call: NativeCall): { batch: number[]; event: number[]; dtype: TensorDtype } {
  const self = call.args[0];
  const s = self?.kind === "instance" ? state.get(self) : undefined;
  if (!s) throw new Unresolved("a distribution whose shapes are unknown");
  return s;
}

function sampleShape(call: NativeCall): number[] {
  const v = call.args[1] ?? call.kwargs.get("sample_shape");
  return v === undefined ? [] : toInts(v, "sample_shape");
}

/** The torch.distributions namespace: the common families, Independent and kl_divergence. */
export function createDistributions(objectClass: ClassValue, namespace: (name: string, entries: Map<string, Value>) => ModuleNamespaceValue): ModuleNamespaceValue {
  const sample = (call: NativeCall): Value => {
    const d = distributionOf(call);
    return tensor([...sampleShape(call), ...d.batch, ...d.event], d.dtype);
  };
  const perBatch = (call: NativeCall): Value => tensor(distributionOf(call).batch, "float32");
  const base = nativeClass("torch.distributions.Distribution", [objectClass], {
    sample,
    rsample: sample,
    sample_n: (call) => {
      const d = distributionOf(call);
      return tensor([...toInts(call.args[1], "n"), ...d.batch, ...d.event], d.dtype);
    },
    // log_prob(value): one figure per event of value, broadcast with the batch
    log_prob: (call) => {
      const d = distributionOf(call);
      const value = call.args[1];
      if (value?.kind !== "tensor") return unknown("log_prob of a non-tensor");
      return tensor(broadcastShapes(value.shape.slice(0, value.shape.length - d.event.length), d.batch), "float32");
    },
    cdf: (call) => (call.args[1]?.kind === "tensor" ? tensor(call.args[1].shape, "float32") : unknown("cdf of a non-tensor")),
    icdf: (call) => (call.args[1]?.kind === "tensor" ? tensor(call.args[1].shape, "float32") : unknown("icdf of a non-tensor")),
    entropy: perBatch,
    perplexity: perBatch,
    expand: (call) => {
      const d = distributionOf(call);
      const out: InstanceValue = { kind: "instance", cls: (call.args[0] as InstanceValue).cls, attributes: new Map(), id: freshId() };
      state.set(out, { ...d, batch: toInts(call.args[1], "batch_shape") });
      setShapes(out);
      return out;
    },
  });
  const setShapes = (inst: InstanceValue) => {
    const s = state.get(inst)!;
    inst.attributes.set("batch_shape", size(s.batch));
    inst.attributes.set("event_shape", size(s.event));
    const moments = tensor([...s.batch, ...s.event], "float32");
    for (const m of ["mean", "mode", "stddev", "variance"]) inst.attributes.set(m, moments);
  };

  const entries = new Map<string, Value>([["Distribution", base]]);
  for (const [name, spec] of Object.entries(SPECS)) {
    const cls = nativeClass(`torch.distributions.${name}`, [base]);
    cls.construct = ({ args, kwargs }) => {
      const b: BoundArguments = bindArguments(spec.signature, args, kwargs, name);
      const shapes: number[][] = [];
      for (const p of spec.tensors) {
        const s = shapeOf(b.get(p), `${name}(${p})`);
        if (s) shapes.push(s);
      }
      const full = broadcastShapes(...shapes);
      if (full.length < spec.eventDims) throw new PythonError(`${name}: parameters need at least ${spec.eventDims} dimension(s)`);
      const split = full.length - spec.eventDims;
      const inst: InstanceValue = { kind: "instance", cls, attributes: new Map(), id: freshId() };
      for (const p of spec.signature) {
        const n = p.split("=")[0];
        if (n !== "validate_args") inst.attributes.set(n, b.get(n));
      }
      state.set(inst, { batch: full.slice(0, split), event: spec.dropEvent ? [] : full.slice(split), dtype: spec.sampleDtype ?? "float32" });
      setShapes(inst);
      return inst;
    };
    entries.set(name, cls);
  }
  // Independent(base, n): the base's last n batch dims become event dims
  const independent = nativeClass("torch.distributions.Independent", [base]);
  independent.construct = ({ args, kwargs }) => {
    const b = bindArguments(["base_distribution", "reinterpreted_batch_ndims", "validate_args=None"], args, kwargs, "Independent");
    const inner = b.get("base_distribution");
    const s = inner.kind === "instance" ? state.get(inner) : undefined;
    if (!s) throw new Unresolved("Independent of an unknown distribution");
    const n = b.int("reinterpreted_batch_ndims");
    if (n > s.batch.length) throw new PythonError(`Expected reinterpreted_batch_ndims <= len(base_distribution.batch_shape), actual ${n} vs ${s.batch.length}`);
    const inst: InstanceValue = { kind: "instance", cls: independent, attributes: new Map(), id: freshId() };
    state.set(inst, { batch: s.batch.slice(0, s.batch.length - n), event: [...s.batch.slice(s.batch.length - n), ...s.event], dtype: s.dtype });
    setShapes(inst);
    return inst;
  };
  entries.set("Independent", independent);
  const klDivergence: Value = {
    kind: "native",
    name: "torch.distributions.kl_divergence",
    call: ({ args }) => {
      const [p, q] = args.map((a) => (a?.kind === "instance" ? state.get(a) : undefined));
      if (!p || !q) return unknown("kl_divergence of unknown distributions");
      return tensor(broadcastShapes(p.batch, q.batch), "float32");
    },
  };
  entries.set("kl_divergence", klDivergence);
  entries.set("kl", namespace("torch.distributions.kl", new Map([["kl_divergence", klDivergence]])));
  return namespace("torch.distributions", entries);
}
