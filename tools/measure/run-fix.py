"""Runs the code a Greenlight fix inserts on the real model, in real PyTorch, and says what happened.

A checking tool for the development machine (tools/check-fixes.mjs --torch calls it), never a dependency of the
product or its tests. It builds the model the way count.py does (the file's imports, classes, functions and
constants; `entry` evaluated in that namespace), runs one forward pass, applies the fix's code to the model (bound
to the fix's variable name), and runs the forward pass again.

Usage (with the interpreter that has torch, /usr/bin/python3 here):
  run-fix.py jobs.json [--timeout SECONDS (default 300, per job)] [--energy SECONDS] > results.jsonl
    jobs.json: [{"id", "file", "entry", "inputs": ["1x3x32x32"], "variable": "model", "imports": ["import torch"],
                 "code": "model = torch.ao.quantization.quantize_dynamic(model, ...)", "device": "cpu" | "cuda"}]
Prints one JSON line per job: {"id", "status": "ok" | "failed" | "skipped", "reason", "changed": {"Linear":
"DynamicQuantizedLinear", ...}, "max_abs_diff", "torch"}. Each job runs in its own process (a crash loses one).
On CUDA it also times the forward pass before and after the fix ("latency_ms": median of 20 after 5 warm-ups, each
followed by torch.cuda.synchronize(); the model's own input, often batch 1, so small models measure launch overhead)
and names the GPU ("gpu"). With --energy SECONDS, also the GPU board's energy per forward pass before and after
("energy_mj", NVML's energy counter over SECONDS of forwards back to back; nvidia-ml-py must be installed).
"""
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))


def _count_module():
    spec = importlib.util.spec_from_file_location("greenlight_count", os.path.join(HERE, "count.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _first_tensor(value):
    if hasattr(value, "shape"):
        return value
    if isinstance(value, (list, tuple)):
        for v in value:
            t = _first_tensor(v)
            if t is not None:
                return t
    if isinstance(value, dict):
        for v in value.values():
            t = _first_tensor(v)
            if t is not None:
                return t
    return None


def _latency_ms(torch, model, inputs):
    """Median wall time of one forward pass on CUDA, synchronized (5 warm-ups, then 20 timed)."""
    with torch.no_grad():
        for _ in range(5):
            model(*inputs)
        torch.cuda.synchronize()
        times = []
        for _ in range(20):
            start = time.perf_counter()
            model(*inputs)
            torch.cuda.synchronize()
            times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 4)


def _energy_mj(torch, model, inputs, seconds):
    """GPU board energy per forward pass (mJ): NVML's total-energy counter over forwards run back to back for about
    `seconds`, divided by their number (idle power included, as the time is). None without NVML (nvidia-ml-py)."""
    try:
        import pynvml
        pynvml.nvmlInit()
        handle = pynvml.nvmlDeviceGetHandleByIndex(torch.cuda.current_device())
        read = lambda: pynvml.nvmlDeviceGetTotalEnergyConsumption(handle)  # millijoules since the driver loaded
        read()
    except Exception:  # no NVML, or a GPU that has no energy counter
        return None
    calls = 0
    with torch.no_grad():
        torch.cuda.synchronize()
        start, began = read(), time.perf_counter()
        while time.perf_counter() - began < seconds:
            for _ in range(10):
                model(*inputs)
            calls += 10
            torch.cuda.synchronize()
        used = read() - start
    return round(used / calls, 4)


def run(job):
    import torch
    count = _count_module()
    count._install_polyfills(torch)
    torch.manual_seed(0)
    note = None
    if job.get("device") == "cuda" and not torch.cuda.is_available():
        if not job.get("cpu_smoke"):
            return {"status": "skipped", "reason": "needs CUDA (no GPU here)"}
        # torch.autocast("cuda") disables itself (with a warning) without CUDA: the code runs, the GPU path does not.
        job = dict(job, device="cpu")
        note = "ran on CPU only: CUDA autocast disables itself there, so the GPU path is not exercised"
    # Building the model is the harness's part: when that fails here, the fix was not run (not a failure of it).
    # A script's module-level `parser.parse_args()` reads sys.argv: give it the script's own name only (defaults).
    sys.argv = [job["file"]]
    try:
        namespace = count._namespace({"file": job["file"], "defs_only": True})
        model = eval(job["entry"], namespace)
        model.eval()
        inputs = [count._tensor(torch, spec) for spec in job.get("inputs", [])]
        if job.get("device") == "cuda":
            model = model.cuda()
            inputs = [t.cuda() for t in inputs]
        with torch.no_grad():
            reference = _first_tensor(model(*inputs))
        # Timed before the fix is applied: quantize_ and pruning change the model in place.
        before_ms = _latency_ms(torch, model, inputs) if job.get("device") == "cuda" else None
        seconds = job.get("energy_seconds")
        before_mj = _energy_mj(torch, model, inputs, seconds) if seconds and job.get("device") == "cuda" else None
    except BaseException as error:  # SystemExit from argparse included
        return {"status": "skipped", "reason": f"the model could not be built and run here: {type(error).__name__}: {error}"[:300]}
    if job.get("mode") == "train-step":
        return _train_step(torch, job, namespace, model, inputs, reference, note)
    # Quantized modules keep their class names (torch.ao...dynamic.Linear): compare by module and name.
    def kind(m):
        return f"{type(m).__module__.replace('torch.nn.modules.', 'nn.').replace('torch.ao.nn.', 'ao.')}.{type(m).__name__}"

    before = {name: kind(m) for name, m in model.named_modules()}
    for statement in job.get("imports", []):
        try:
            exec(statement, namespace)
        except ImportError as error:
            return {"status": "skipped", "reason": f"{statement}: {error}"}
    namespace[job["variable"]] = model
    # What PyTorch warns while the fix is applied and run (a deprecated API, autocast disabling itself) is recorded.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(job["code"], namespace)
        fixed = namespace[job["variable"]]
        with torch.no_grad():
            out = _first_tensor(fixed(*inputs))
    after = {name: kind(m) for name, m in fixed.named_modules()}
    changed = {}
    for name, kind in before.items():
        if after.get(name, kind) != kind:
            changed[kind] = after[name]
    result = {"status": "ok", "changed": changed}
    seen = list(dict.fromkeys(f"{w.category.__name__}: {w.message}"[:200] for w in caught))
    if seen:
        result["warnings"] = seen[:3]
    if before_ms is not None:
        result["latency_ms"] = {"before": before_ms, "after": _latency_ms(torch, fixed, inputs)}
        result["gpu"] = torch.cuda.get_device_name()
    if before_mj is not None:
        result["energy_mj"] = {"before": before_mj, "after": _energy_mj(torch, fixed, inputs, job["energy_seconds"])}
    if note:
        result["note"] = note
    if reference is not None and out is not None:
        if tuple(out.shape) != tuple(reference.shape):
            return {"status": "failed", "reason": f"output shape {list(out.shape)} instead of {list(reference.shape)}"}
        if out.is_floating_point():
            diff = (out.float() - reference.float()).abs()
            if not torch.isfinite(diff).all():
                return {"status": "failed", "reason": "non-finite output after the fix"}
            result["max_abs_diff"] = float(diff.max()) if diff.numel() else 0.0
            result["ref_max_abs"] = float(reference.float().abs().max()) if reference.numel() else 0.0
    return result


def _train_step(torch, job, namespace, model, inputs, reference, note):
    """A GL003 fix on the CPU: one training step of the model under the fix's own autocast (its device made "cpu",
    fp16 made bf16, the CPU autocast's one lower precision in PyTorch 1.13) and GradScaler, as the fixed loop runs it."""
    autocast = job["autocast"].replace('"cuda"', '"cpu"').replace("'cuda'", "'cpu'")
    if "float16" in autocast and "bfloat16" not in autocast:
        autocast = autocast.replace("torch.float16", "torch.bfloat16").replace("torch.half", "torch.bfloat16")
        note = "fp16 autocast run as bf16: CPU autocast has no fp16 in this PyTorch"
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    namespace["optimizer"] = optimizer
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if job.get("scaler"):
            try:
                exec(job["scaler"], namespace)
            except AttributeError as error:  # torch.amp.GradScaler is PyTorch 2.3+
                return {"status": "skipped", "reason": f"{job['scaler'].strip()}: needs a newer PyTorch ({error})"}
        with eval(autocast, namespace):
            out = _first_tensor(model(*inputs))
            loss = out.float().pow(2).mean()
        scaler = namespace.get(job.get("scaler_name") or "scaler") if job.get("scaler") else None
        if scaler is not None:
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss.backward()
            optimizer.step()
    grads = [p.grad for p in model.parameters() if p.grad is not None]
    if not torch.isfinite(loss) or not all(torch.isfinite(g).all() for g in grads):
        return {"status": "failed", "reason": "non-finite loss or gradients under the fix"}
    # No difference against the eval-mode reference: in training mode BatchNorm and Dropout change the output anyway.
    result = {"status": "ok", "changed": {}, "autocast_dtype": str(out.dtype).replace("torch.", ""), "ran": autocast, "grads": len(grads)}
    if reference is not None and tuple(out.shape) != tuple(reference.shape):
        return {"status": "failed", "reason": f"output shape {list(out.shape)} under the fix instead of {list(reference.shape)}"}
    seen = list(dict.fromkeys(f"{w.category.__name__}: {w.message}"[:200] for w in caught))
    if seen:
        result["warnings"] = seen[:3]
    if note:
        result["note"] = note
    return result


def _run_one(job):
    try:
        result = run(job)
    except BaseException as error:  # one fix's failure is data, not a crash of the run
        result = {"status": "failed", "reason": f"{type(error).__name__}: {error}"[:500]}
    import torch
    result["torch"] = torch.__version__
    return result


def _missing_package(job):
    """The first package a job's imports name that this interpreter cannot find (found without importing it)."""
    for statement in job.get("imports", []):
        words = statement.split()
        if len(words) >= 2 and words[0] in ("import", "from"):
            top = words[1].split(".")[0].rstrip(",")
            if importlib.util.find_spec(top) is None:
                return top
    return None


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(_run_one(json.loads(sys.argv[2]))))
        return
    timeout = int(sys.argv[sys.argv.index("--timeout") + 1]) if "--timeout" in sys.argv else 300
    energy = float(sys.argv[sys.argv.index("--energy") + 1]) if "--energy" in sys.argv else None
    with open(sys.argv[1], encoding="utf-8") as handle:
        jobs = json.load(handle)
    for job in jobs:
        missing = _missing_package(job)
        if missing:  # known before building the model: no process spent on it
            print(json.dumps({"status": "skipped", "reason": f"{missing} is not installed here", "id": job["id"]}), flush=True)
            continue
        if energy:
            job = dict(job, energy_seconds=energy)
        try:
            proc = subprocess.run([sys.executable, __file__, "--one", json.dumps(job)], capture_output=True, text=True, timeout=timeout)
            line = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else json.dumps({"status": "failed", "reason": proc.stderr.strip()[-300:]})
        except subprocess.TimeoutExpired:
            line = json.dumps({"status": "failed", "reason": f"timed out after {timeout} s"})
        result = json.loads(line)
        result["id"] = job["id"]
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
