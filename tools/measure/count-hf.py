"""Ground truth for installed-transformers scripts: build each model from its config.json, as `from_pretrained`
would build it but with random weights (`AutoX.from_config`: no weights, no download), and count its parameters and
forward FLOPs with count.py's counter (FlopCounterMode's formulas, see count.py).

A measuring tool for a machine whose PyTorch is new enough for the installed transformers (5.x needs torch >= 2.5;
Debian's 1.13 is not), never a dependency of the product or its tests. Every model is built in this one process
(transformers is imported once); a model that fails reports its error as data.

Usage:
  count-hf.py jobs.json > results.jsonl
    jobs.json: [{"id", "auto": "AutoModelForCausalLM", "config": {...config.json...}, "inputs": ["1x128:int64:1000"],
                 "call": "model(x, decoder_input_ids=x1)" (optional; x, x1, ... are the inputs)}]
Prints one JSON line per job: {"id", "params", "flops", "flops_by_op", "output", "class", "torch", "transformers"}
or {"id", "error"}.
"""
import importlib.util
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def _count_module():
    spec = importlib.util.spec_from_file_location("greenlight_count", os.path.join(HERE, "count.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(job, count, torch, transformers):
    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as folder:
        # The folder a user's from_pretrained("./name") reads: config.json only.
        with open(os.path.join(folder, "config.json"), "w", encoding="utf-8") as handle:
            json.dump(job["config"], handle)
        config = transformers.AutoConfig.from_pretrained(folder)
    model = getattr(transformers, job["auto"]).from_config(config)
    model.eval()
    params = sum(p.numel() for p in model.parameters())
    inputs = [count._tensor(torch, spec) for spec in job.get("inputs", [])]
    counter = count._counter(torch)
    with counter:  # autograd stays on, as count.py measures
        if job.get("call"):
            scope = {"model": model, "torch": torch}
            for i, tensor in enumerate(inputs):
                scope["x" if i == 0 else f"x{i}"] = tensor
            out = eval(job["call"], scope)
        else:
            out = model(*inputs)
    # A ModelOutput's first field (logits, last_hidden_state), as the analyzer reports the output.
    if hasattr(out, "to_tuple"):
        out = out.to_tuple()
    first = out[0] if isinstance(out, (tuple, list)) else out
    return {"params": params, "flops": sum(counter.by_op.values()), "flops_by_op": dict(counter.by_op),
            "output": list(first.shape) if hasattr(first, "shape") else None, "class": type(model).__name__}


def main():
    import torch
    import transformers
    count = _count_module()
    with open(sys.argv[1], encoding="utf-8") as handle:
        jobs = json.load(handle)
    for job in jobs:
        try:
            result = measure(job, count, torch, transformers)
        except BaseException as error:  # one model's failure is data, not a crash of the run
            result = {"error": f"{type(error).__name__}: {error}"[:500]}
        result.update(id=job["id"], torch=torch.__version__, transformers=transformers.__version__)
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
