import { nativeClass } from "../../interp/classes";
import { NONE, bool, dict, int, list, numel, str, tuple, unknown } from "../../interp/construct";
import type { Interpreter } from "../../interp/interpreter";
import type { Recorder } from "../../interp/recorder";
import { assignLayerArgument } from "../../interp/layer-configs";
import { PythonError, Unresolved, type ClassValue, type InstanceValue, type ModuleState, type NativeCall, type TensorValue, type Value } from "../../interp/values";
import { withPublishedMethods } from "../../signatures/published";
import { castDtype, castFloatingTensors, namedBuffers, namedModules, namedParameters, setTraining } from "../module-tree";
import { flag, moduleState, prefixed, self, text, textArgument } from "./method-arguments";

/** nn.Module: attribute registration, __call__ through forward (recorded per module), and its methods. */
export function createModuleClass(interp: () => Interpreter, objectClass: ClassValue): ClassValue {
  const callValue = (fn: Value, args: Value[], kwargs = new Map<string, Value>()) => interp().call(fn, args, kwargs);

  const registryEntry = (call: NativeCall, registry: (m: ModuleState) => Map<string, Value>, what: string): Value => {
    const target = call.args[1];
    if (target?.kind !== "str") return unknown(`get_${what} of an unknown name`);
    const parts = target.value.split(".");
    let m: Value = self(call);
    for (const part of parts.slice(0, -1)) m = moduleState(m)?.children.get(part) ?? NONE;
    const state = moduleState(m);
    const found = state ? registry(state).get(parts[parts.length - 1]) : undefined;
    if (!found || found.kind === "none") throw new PythonError(`AttributeError: the module has no ${what} '${target.value}'`);
    return found;
  };

  const setModuleAttribute = (target: InstanceValue, name: string, value: Value): void => {
    const m = target.module!;
    // As PyTorch's Module.__setattr__: the name leaves the other registries, but a submodule or parameter replaced in
    // its own registry keeps its place (`resnet.conv1 = ...` stays first in children()).
    const dropExcept = (keep: object) => {
      target.attributes.delete(name);
      for (const registry of [m.children, m.parameters, m.buffers]) if (registry !== keep) registry.delete(name);
    };
    if (value.kind === "instance" && value.module) {
      dropExcept(m.children);
      m.children.set(name, value);
    } else if (value.kind === "tensor" && value.parameter) {
      dropExcept(m.parameters);
      m.parameters.set(name, value);
    } else if (value.kind === "tensor" && m.parameters.has(name)) {
      // as Module.__setattr__: a registered parameter takes only a Parameter or None
      throw new PythonError(`cannot assign 'torch.FloatTensor' as parameter '${name}' (torch.nn.Parameter or None expected)`);
    } else if (value.kind === "tensor" && value.buffer) {
      dropExcept(m.buffers);
      const { buffer: _, ...plain } = value;
      m.buffers.set(name, plain);
    } else if (m.buffers.has(name) && (value.kind === "tensor" || value.kind === "none")) {
      m.buffers.set(name, value);
    } else if (value.kind === "none" && (m.children.has(name) || m.parameters.has(name))) {
      if (m.children.has(name)) m.children.set(name, NONE);
      else m.parameters.set(name, NONE);
    } else {
      m.children.delete(name);
      m.parameters.delete(name);
      // a catalogue layer's forward reads some of its constructor arguments back (conv.stride = (1, 1))
      const kernelSizedWeights = [...m.parameters.values()].some((p) => p.kind === "tensor" && p.shape.length > 2);
      if (assignLayerArgument(target, name, value, kernelSizedWeights)) target.attributes.delete(name);
      else interp().storeAttribute(target, name, value);
    }
  };

  // A call that ends unknown still happened: the coverage figures count the layer as reached without known shapes.
  const noteUnknownCall = (recorder: Recorder, id: number): void => {
    const tally = recorder.tally(id);
    tally.unknownCalls++;
    tally.shapeBeforeUnknown ??= recorder.lastKnownShape();
  };

  const callModule = ({ args, kwargs }: NativeCall): Value => {
    const target = args[0];
    if (target.kind !== "instance" || !target.module) throw new Unresolved("calling a non-module");
    const interpreter = interp();
    const recorder = interpreter.recorder;
    const forward = interpreter.getAttribute(target, "forward");
    recorder.moduleStack.push(target);
    const before = recorder.ops.length;
    let result: Value;
    try {
      result = callValue(forward, args.slice(1), kwargs);
    } catch (err) {
      if (recorder.recording) noteUnknownCall(recorder, target.id);
      throw err;
    } finally {
      recorder.moduleStack.pop();
    }
    if (recorder.recording && result.kind === "unknown") {
      noteUnknownCall(recorder, target.id);
      return result;
    }
    if (recorder.recording) {
      const tally = recorder.tally(target.id);
      tally.calls++;
      tally.output = firstTensor(result)?.shape ?? null;
      // A catalogue layer reads its own weights once per call: charge them to its first op.
      if (target.cls.layer && recorder.ops.length > before) {
        let weights = 0;
        for (const p of target.module.parameters.values()) if (p.kind === "tensor") weights += numel(p.shape);
        recorder.ops[before].weightElements += weights;
        if (target.module.quantized) for (let i = before; i < recorder.ops.length; i++) recorder.ops[i].quantized = true;
        if (target.module.weightOnlyBits) for (let i = before; i < recorder.ops.length; i++) recorder.ops[i].weightOnlyBits = target.module.weightOnlyBits;
      }
    }
    return result;
  };

  const module = nativeClass("torch.nn.Module", [objectClass], withPublishedMethods("torch.nn.Module", {
    __init__: () => NONE,
    __call__: callModule,
    __setattr__: ({ args }) => {
      const [target, name, value] = args;
      if (target.kind !== "instance" || name.kind !== "str") return NONE;
      if (target.module) setModuleAttribute(target, name.value, value);
      else interp().storeAttribute(target, name.value, value);
      return NONE;
    },
    // Called explicitly (`self.__getattr__('level_%d' % i)`, DLA's trees): like PyTorch, it reads only the registered
    // parameters, buffers and submodules.
    __getattr__: (call) => {
      const s = self(call);
      const name = call.args[1];
      if (name?.kind !== "str") return unknown("__getattr__ of a name whose text is unknown");
      const m = s.module!;
      const found = m.parameters.get(name.value) ?? m.buffers.get(name.value) ?? m.children.get(name.value);
      if (found === undefined) throw new PythonError(`'${s.cls.name}' object has no attribute '${name.value}'`);
      return found;
    },
    forward: () => {
      throw new Unresolved("module has no forward()");
    },
    // Calls arrive bound by nn.Module's published signatures (withPublishedMethods): arguments arrive by position.
    register_buffer: (call) => {
      const [s, name, t] = [self(call), textArgument(call, 1, "register_buffer"), call.args[2] ?? NONE];
      s.module!.buffers.set(name, t.kind === "tensor" ? { ...t, parameter: undefined } : NONE);
      return NONE;
    },
    register_parameter: (call) => {
      const [s, name, p] = [self(call), textArgument(call, 1, "register_parameter"), call.args[2] ?? NONE];
      s.module!.parameters.set(name, p.kind === "tensor" ? p : NONE);
      return NONE;
    },
    add_module: (call) => {
      const [s, name, m] = [self(call), textArgument(call, 1, "add_module"), call.args[2] ?? NONE];
      s.module!.children.set(name, m.kind === "instance" ? m : NONE);
      return NONE;
    },
    register_module: (call) => {
      const [s, name, m] = [self(call), textArgument(call, 1, "register_module"), call.args[2] ?? NONE];
      s.module!.children.set(name, m.kind === "instance" ? m : NONE);
      return NONE;
    },
    // (recurse=True) / (prefix='', recurse=True): recurse=False keeps the module's own entries
    parameters: (call) => list(prefixed(namedParameters(self(call)), "", flag(call.args[1])).map(([, p]) => p)),
    named_parameters: (call) => list(prefixed(namedParameters(self(call)), text(call.args[1]), flag(call.args[2])).map(([n, p]) => tuple([str(n), p]))),
    buffers: (call) => list(prefixed(namedBuffers(self(call)), "", flag(call.args[1])).map(([, b]) => b)),
    named_buffers: (call) => list(prefixed(namedBuffers(self(call)), text(call.args[1]), flag(call.args[2])).map(([n, b]) => tuple([str(n), b]))),
    modules: (call) => list(namedModules(self(call)).map(([, m]) => m)),
    // (memo=None, prefix='', remove_duplicate=True)
    named_modules: (call) => {
      const prefix = text(call.args[2]);
      return list(namedModules(self(call)).map(([n, m]) => tuple([str(prefix && n ? `${prefix}.${n}` : prefix || n), m])));
    },
    children: (call) => list([...self(call).module!.children.values()].filter((c) => c.kind === "instance")),
    named_children: (call) => list([...self(call).module!.children].filter(([, c]) => c.kind === "instance").map(([n, c]) => tuple([str(n), c]))),
    apply: (call) => {
      const s = self(call);
      const fn = call.args[1];
      const visit = (m: InstanceValue) => {
        for (const c of m.module!.children.values()) if (c.kind === "instance") visit(c);
        callValue(fn, [m]);
      };
      visit(s);
      return s;
    },
    eval: (call) => setTraining(self(call), false),
    train: (call) => setTraining(self(call), call.args[1]?.kind === "bool" ? call.args[1].value : true),
    get_submodule: (call) => {
      let m: Value = self(call);
      const target = call.args[1];
      if (target.kind !== "str") return unknown("get_submodule of an unknown name");
      for (const part of target.value.split(".").filter(Boolean)) m = moduleState(m)?.children.get(part) ?? unknown(`no submodule ${part}`);
      return m;
    },
    // `get_parameter("encoder.embed_tokens.weight")` (weight tying by name), AttributeError when there is none
    get_parameter: (call) => registryEntry(call, (m) => m.parameters, "parameter"),
    get_buffer: (call) => registryEntry(call, (m) => m.buffers, "buffer"),
    // Names in PyTorch's order (each module's parameters, then its buffers, then its children), values the tensors
    // themselves (keep_vars), so init code writing through state_dict()[key] reaches the weights. Weights are shapes
    // here, never values; buffers registered with persistent=False are listed too.
    state_dict: (call) => {
      const entries: [Value, Value][] = [];
      for (const [path, m] of namedModules(self(call))) {
        for (const registry of [m.module!.parameters, m.module!.buffers]) {
          for (const [name, t] of registry) if (t.kind === "tensor") entries.push([str(path ? `${path}.${name}` : name), t]);
        }
      }
      return dict(entries);
    },
    load_state_dict: () => NONE,
    zero_grad: () => NONE,
    // (requires_grad=True): every parameter of the module and its children in or out of autograd. A flag the
    // analysis cannot read is taken as the default, True: a network is never called untrained on a guess.
    requires_grad_: (call) => {
      const on = call.args[1] ?? call.kwargs.get("requires_grad");
      for (const [, p] of namedParameters(self(call))) if (p.kind === "tensor" && p.parameter) p.parameter.requiresGrad = on?.kind === "bool" ? on.value : true;
      return call.args[0];
    },
    share_memory: (call) => call.args[0],
    extra_repr: () => str(""),
    __len__: (call) => int(self(call).module!.children.size),
  }));
  module.isModule = true;
  for (const name of ["to", "cuda", "cpu", "half", "float", "double", "bfloat16", "type", "to_empty", "xpu", "mps"]) {
    module.attributes.set(name, {
      kind: "native",
      name: `Module.${name}`,
      call: (c) => {
        const dtype = castDtype(name, c.args.slice(1), c.kwargs);
        // A cast to 16 bits in an arm taken on a guess may not happen: the weights stay full precision, as the
        // training plan reads a precision set only under an unreadable test (precision-conditions.ts).
        const guessedHalf = (dtype === "float16" || dtype === "bfloat16") && c.context.inGuessedBranch?.() === true;
        const target = c.args[0];
        if (dtype && target?.kind === "instance" && guessedHalf && target.module) target.module.unsureCast = { precision: dtype === "bfloat16" ? "bf16" : "fp16", line: c.context.location()?.line ?? 0 };
        else if (dtype && target?.kind === "instance") castFloatingTensors(target, dtype);
        return c.args[0];
      },
    });
  }
  module.attributes.set("training", bool(true));
  // The registries read directly (`for name in self._modules: ...` in weight-init code), as name → value snapshots.
  const registry = (name: string, pick: (m: ModuleState) => Map<string, Value>): Value => ({
    kind: "property",
    getter: { kind: "native", name: `Module.${name}`, call: (c) => dict([...pick(self(c).module!)].map(([k, v]) => [str(k), v] as [Value, Value])) },
  });
  module.attributes.set("_modules", registry("_modules", (m) => m.children));
  module.attributes.set("_parameters", registry("_parameters", (m) => m.parameters));
  module.attributes.set("_buffers", registry("_buffers", (m) => m.buffers));
  return module;
}

function firstTensor(v: Value): TensorValue | undefined {
  if (v.kind === "tensor") return v;
  if (v.kind === "tuple" || v.kind === "list") for (const x of v.items) {
    const t = firstTensor(x);
    if (t) return t;
  }
  return undefined;
}
