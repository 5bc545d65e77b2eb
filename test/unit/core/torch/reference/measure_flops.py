"""Measures the cases in cases.json with torch.utils.flop_counter.FlopCounterMode and writes pytorch-measurements.json.

Run on a machine with PyTorch (a GPU for the attention kernels): python measure_flops.py cases.json out.json
Recurrent cases run on the CPU, where ATen's recurrent layers decompose into counted matmuls.
"""
import json
import sys

import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode


def value(v):
    if isinstance(v, dict) and "float" in v:
        return float(v["float"])
    if isinstance(v, list):
        return tuple(value(x) for x in v)
    return v


def make_input(spec, device, dtype):
    if spec[-1] == "int64":
        return torch.randint(0, 10, spec[:-1], device=device)
    return torch.randn(spec, device=device, dtype=dtype)


def shapes(out):
    if isinstance(out, torch.Tensor):
        return [list(out.shape)]
    if isinstance(out, (tuple, list)):
        return [s for x in out for s in shapes(x)]
    return []


def main():
    cases = json.load(open(sys.argv[1]))
    results = {"torch": torch.__version__, "cuda": torch.cuda.is_available() and torch.cuda.get_device_name(0), "cases": {}}
    for case in cases:
        device = case.get("device", "cuda" if torch.cuda.is_available() else "cpu")
        dtype = getattr(torch, case.get("dtype", "float32"))
        try:
            inputs = []
            for spec in case["inputs"]:
                inputs.append(inputs[0] if spec == "same" else make_input(spec, device, dtype))
            entry = {}
            if "layer" in case:
                module = getattr(nn, case["layer"])(*[value(a) for a in case["args"]], **{k: value(v) for k, v in case["kwargs"].items()}).to(device)
                entry["params"] = sum(p.numel() for p in module.parameters())
                entry["buffers"] = sum(b.numel() for b in module.buffers())
                entry["modules"] = [name for name, _ in module.named_modules()]
                call = lambda: module(*inputs, **case.get("forward_kwargs", {}))
            else:
                fn = eval(case["fn"])
                call = (lambda: fn(case["equation"], *inputs)) if "equation" in case else (lambda: fn(*inputs))
            with FlopCounterMode(display=False) as counter:
                out = call()
            entry["flops"] = counter.get_total_flops()
            entry["by_op"] = {str(k): v for k, v in counter.get_flop_counts().get("Global", {}).items()}
            entry["outputs"] = shapes(out)
            results["cases"][case["id"]] = entry
        except Exception as error:  # recorded, so one bad case does not hide the others
            results["cases"][case["id"]] = {"error": f"{type(error).__name__}: {error}"}
    json.dump(results, open(sys.argv[2], "w"), indent=1)
    print(json.dumps({k: (v.get("flops"), v.get("params"), v.get("error")) for k, v in results["cases"].items()}))


if __name__ == "__main__":
    main()
