"""Ground truth for the analyzer: build a model with real PyTorch and count its parameters and FLOPs.

A measuring tool for the development machine, never a dependency of the product or its tests. It runs on
Debian's `python3-torch` (1.13, CPU) as well as on PyTorch 2.x. FLOPs follow `torch.utils.flop_counter`
(FlopCounterMode, PyTorch 2.11), re-implemented on `TorchDispatchMode` because 1.13 has no FlopCounterMode:
  mm / addmm 2*m*k*n, bmm / baddbmm 2*b*m*k*n, convolution 2*N*prod(weight)*prod(output spatial)
  (transposed: input spatial), scaled-dot-product attention 2*b*h*Lq*Lk*(Dqk + Dv),
and recurrent layers as their matmuls, 2*T*B*G*H*(I+H) per layer and direction (G = 4 LSTM, 3 GRU, 1 RNN), as
../shared/corpus/README.md defines them. Everything else counts 0. Parameters: sum of numel over
model.parameters() (shared weights once).

PyTorch 2 APIs a model file may call are filled in for 1.13 only, by their documented math:
F.scaled_dot_product_attention (its matmuls count the same FLOPs as the fused kernel's formula), nn.RMSNorm,
torch.compile (identity), torch.nn.attention.sdpa_kernel (no-op context).

Usage (run with /usr/bin/python3, the interpreter that has torch):
  count.py one --file model.py --entry "Net()" --input 1x3x224x224 [--input 1x128:int64:50257] [--path DIR]...
               [--call "model(x, targets=None)"] [--defs-only] [--module pkg.mod] [--seed N] [--even-routing]
  count.py batch jobs.json [--timeout 300] > results.jsonl
    jobs.json: [{"id": "...", "file" | "module": "...", "entry": "...", "inputs": ["1x3x224x224"],
                 "path": ["dir"], "call": "...", "defs_only": true}]; each job runs in its own process.
Prints JSON: {"params", "flops", "flops_by_op", "output"} or {"error"}.
"""
import argparse
import ast
import contextlib
import importlib
import json
import math
import os
import subprocess
import sys
import types
from collections import Counter


def _install_polyfills(torch):
    """Fills PyTorch 2 APIs missing from 1.13 with their documented math (no-ops where they change no cost)."""
    F = torch.nn.functional
    if not hasattr(F, "scaled_dot_product_attention"):
        def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False,
                                         scale=None, enable_gqa=False):
            L, S = query.size(-2), key.size(-2)
            scale_factor = 1 / math.sqrt(query.size(-1)) if scale is None else scale
            bias = torch.zeros(L, S, dtype=query.dtype, device=query.device)
            if is_causal:
                mask = torch.ones(L, S, dtype=torch.bool, device=query.device).tril(diagonal=0)
                bias = bias.masked_fill(mask.logical_not(), float("-inf"))
            if attn_mask is not None:
                if attn_mask.dtype == torch.bool:
                    bias = bias.masked_fill(attn_mask.logical_not(), float("-inf"))
                else:
                    bias = attn_mask + bias
            if enable_gqa:
                key = key.repeat_interleave(query.size(-3) // key.size(-3), -3)
                value = value.repeat_interleave(query.size(-3) // value.size(-3), -3)
            weight = query @ key.transpose(-2, -1) * scale_factor
            weight = torch.softmax(weight + bias, dim=-1)
            if dropout_p > 0.0:
                weight = torch.dropout(weight, dropout_p, train=True)
            return weight @ value
        F.scaled_dot_product_attention = scaled_dot_product_attention
    if not hasattr(torch, "compile"):
        def compile(model=None, **kwargs):
            return model if model is not None else (lambda m: m)
        torch.compile = compile
    if not hasattr(torch.nn, "RMSNorm"):
        class RMSNorm(torch.nn.Module):
            def __init__(self, normalized_shape, eps=None, elementwise_affine=True, device=None, dtype=None):
                super().__init__()
                if isinstance(normalized_shape, int):
                    normalized_shape = (normalized_shape,)
                self.normalized_shape = tuple(normalized_shape)
                self.eps = eps
                self.elementwise_affine = elementwise_affine
                self.weight = torch.nn.Parameter(torch.ones(self.normalized_shape)) if elementwise_affine else None

            def forward(self, x):
                dims = tuple(range(-len(self.normalized_shape), 0))
                eps = self.eps if self.eps is not None else torch.finfo(x.dtype).eps
                y = x * torch.rsqrt(x.pow(2).mean(dims, keepdim=True) + eps)
                return y * self.weight if self.weight is not None else y
        torch.nn.RMSNorm = RMSNorm
    # PyTorch >= 2.0 takes `@torch.inference_mode` bare (a function as `mode`); 1.13 would wrap the input tensor instead,
    # and its inference tensors skip the dispatch mode that counts. no_grad computes the same ops and lets them be counted.
    if int(torch.__version__.split(".")[0]) < 2 and not getattr(torch.inference_mode, "_polyfilled", False):
        class inference_mode(torch.no_grad):
            _polyfilled = True

            def __new__(cls, mode=True):
                if callable(mode) and not isinstance(mode, bool):
                    return torch.no_grad()(mode)
                return super().__new__(cls)

            def __init__(self, mode=True):
                super().__init__()
        torch.inference_mode = inference_mode
    try:
        importlib.import_module("torch.nn.attention")
    except ImportError:
        attention = types.ModuleType("torch.nn.attention")
        attention.sdpa_kernel = lambda *a, **k: contextlib.nullcontext()
        attention.SDPBackend = types.SimpleNamespace(MATH=0, FLASH_ATTENTION=1, EFFICIENT_ATTENTION=2, CUDNN_ATTENTION=3)
        sys.modules["torch.nn.attention"] = attention
        torch.nn.attention = attention


def _prod(values):
    result = 1
    for v in values:
        result *= int(v)
    return result


def _rnn_flops(kind, args):
    """2*T*B*G*H*(I+H) per layer and direction, from aten.lstm / gru / rnn_* arguments."""
    gates = {"lstm": 4, "gru": 3}.get(kind, 1)
    data = args[0]
    if hasattr(args[1], "dim"):  # packed form: (data, batch_sizes, hx, params, has_biases, layers, ...)
        batch_sizes = args[1]
        tokens = int(batch_sizes.sum())
        params, num_layers, bidirectional = args[3], args[5], args[8]
        steps_times_batch = tokens
        input_size = data.shape[-1]
    else:  # (input, hx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first)
        params, num_layers, bidirectional, batch_first = args[2], args[4], args[7], args[8]
        if data.dim() == 2:
            steps_times_batch = data.shape[0]
        else:
            steps_times_batch = data.shape[0] * data.shape[1]
        input_size = data.shape[-1]
    dirs = 2 if bidirectional else 1
    hidden = params[0].shape[0] // gates
    proj = params[1].shape[1]  # w_hh is [G*H, proj or H]
    total = 0
    layer_input = input_size
    for _ in range(num_layers):
        total += dirs * 2 * steps_times_batch * gates * hidden * (layer_input + proj)
        layer_input = proj * dirs
    return total


def _flops_of(func, args, out):
    name = func.overloadpacket.__name__ if hasattr(func, "overloadpacket") else str(func)
    if name == "mm":
        a, b = args[0], args[1]
        return name, 2 * a.shape[0] * a.shape[1] * b.shape[1]
    if name == "addmm":
        a, b = args[1], args[2]
        return name, 2 * a.shape[0] * a.shape[1] * b.shape[1]
    if name in ("bmm", "baddbmm"):
        a, b = (args[0], args[1]) if name == "bmm" else (args[1], args[2])
        return name, 2 * a.shape[0] * a.shape[1] * a.shape[2] * b.shape[2]
    if name in ("convolution", "_convolution"):
        x, w = args[0], args[1]
        transposed = bool(args[6])
        spatial = x.shape[2:] if transposed else out.shape[2:]
        return "convolution", 2 * x.shape[0] * _prod(w.shape) * _prod(spatial)
    if name in ("_scaled_dot_product_efficient_attention", "_scaled_dot_product_flash_attention",
                "_scaled_dot_product_cudnn_attention", "_scaled_dot_product_flash_attention_for_cpu"):
        q, k, v = args[0], args[1], args[2]
        b, h, lq, d = q.shape
        return name, 2 * b * h * lq * k.shape[-2] * (d + v.shape[-1])
    if name in ("lstm", "gru", "rnn_tanh", "rnn_relu"):
        return name, _rnn_flops(name, args)
    return None, 0


def _counter(torch):
    from torch.utils._python_dispatch import TorchDispatchMode

    class FlopCounter(TorchDispatchMode):
        def __init__(self):
            super().__init__()
            self.by_op = Counter()

        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            out = func(*args, **(kwargs or {}))
            try:
                name, flops = _flops_of(func, args, out)
            except Exception as error:  # a formula that cannot read its arguments must not hide the op
                raise RuntimeError(f"cannot count {func}: {error}")
            if name:
                self.by_op[name] += flops
            return out

    return FlopCounter()


def _tensor(torch, spec):
    parts = spec.split(":")
    dims = [int(d) for d in parts[0].split("x")]
    dtype = parts[1] if len(parts) > 1 else "float32"
    if dtype in ("int64", "long"):
        high = int(parts[2]) if len(parts) > 2 else 2
        return torch.randint(0, high, dims, dtype=torch.long)
    return torch.randn(*dims, dtype=getattr(torch, dtype))


def _declares_option(node):
    """An argparse declaration (`parser.add_argument(...)`): the options a script's models read from parse_args()."""
    call = node.value if isinstance(node, ast.Expr) else None
    return isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in (
        "add_argument", "add_argument_group", "set_defaults", "add_mutually_exclusive_group")


def _defs_only(source):
    """Keeps imports, definitions, top-level assignments and argparse declarations: a training script's namespace."""
    tree = ast.parse(source)
    keep = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign,
            ast.AnnAssign)
    tree.body = [node for node in tree.body if isinstance(node, keep) or _declares_option(node)]
    return tree


def _namespace(job):
    for folder in reversed(job.get("path") or []):
        sys.path.insert(0, os.path.abspath(folder))
    if job.get("module"):
        return vars(importlib.import_module(job["module"]))
    path = os.path.abspath(job["file"])
    sys.path.insert(0, os.path.dirname(path))
    namespace = {"__name__": "__measured__", "__file__": path}
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    if job.get("defs_only"):
        tree = _defs_only(source)
        sys.argv = [path]  # the script as launched without arguments: argparse gives its defaults
        for node in tree.body:  # one failing statement (a data download, a CUDA call) loses only itself
            try:
                exec(compile(ast.Module(body=[node], type_ignores=[]), path, "exec"), namespace)
            except (Exception, SystemExit):
                pass
    else:
        exec(compile(source, path, "exec"), namespace)
    return namespace


def _shape(value):
    if hasattr(value, "shape"):
        return list(value.shape)
    if isinstance(value, (list, tuple)):
        return [_shape(v) for v in value]
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    return None


def _even_routing(torch):
    """torch.topk whose indices are spread evenly over the candidates, as Greenlight assumes for a router's picks
    (src/core/torch/routing.ts): row r's j-th pick is (r*k + j) mod E, so each of E candidates gets N*k/E picks
    (rounded) and a row's picks are distinct. Values are gathered at those indices; nothing else changes."""
    original = torch.topk

    def topk(input, k, dim=-1, largest=True, sorted=True, *, out=None):
        values, indices = original(input, k, dim=dim, largest=largest, sorted=sorted)
        if input.is_floating_point() and input.dim() > 0:
            moved = input.movedim(dim, -1)
            rows = moved.reshape(-1, moved.shape[-1]).shape[0]
            picks = (torch.arange(rows * k).reshape(rows, k) % moved.shape[-1]).reshape(*moved.shape[:-1], k)
            indices = picks.movedim(-1, dim).contiguous()
            values = input.gather(dim, indices)
        return torch.return_types.topk((values, indices))
    torch.topk = topk
    torch.Tensor.topk = lambda self, *a, **kw: topk(self, *a, **kw)


def measure(job):
    """Builds the job's model and returns its parameters and forward FLOPs."""
    import torch
    _install_polyfills(torch)
    torch.manual_seed(job.get("seed", 0))
    if job.get("even_routing"):
        _even_routing(torch)
    namespace = _namespace(job)
    model = eval(job["entry"], namespace)
    model.eval()
    params = sum(p.numel() for p in model.parameters())
    inputs = [_tensor(torch, spec) for spec in job.get("inputs", [])]
    counter = _counter(torch)
    with counter:  # autograd stays on, so no fused inference fast path hides matmuls
        if job.get("call"):
            scope = dict(namespace, model=model, torch=torch)
            for i, tensor in enumerate(inputs):
                scope["x" if i == 0 else f"x{i}"] = tensor
            out = eval(job["call"], scope)
        else:
            out = model(*inputs)
    return {"params": params, "flops": sum(counter.by_op.values()), "flops_by_op": dict(counter.by_op),
            "output": _shape(out)}


def _run_one(job):
    try:
        result = measure(job)
    except BaseException as error:  # the measurement of one model reports its failure as data
        result = {"error": f"{type(error).__name__}: {error}"[:500]}
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("one")
    one.add_argument("--file")
    one.add_argument("--module")
    one.add_argument("--entry", required=True)
    one.add_argument("--input", action="append", default=[])
    one.add_argument("--path", action="append", default=[])
    one.add_argument("--call")
    one.add_argument("--defs-only", action="store_true")
    one.add_argument("--seed", type=int, default=0, help="torch.manual_seed before building (default 0)")
    one.add_argument("--even-routing", action="store_true",
                     help="top-k picks spread evenly over the candidates (mixture-of-experts routing as Greenlight assumes)")
    batch = sub.add_parser("batch")
    batch.add_argument("jobs")
    batch.add_argument("--timeout", type=int, default=300)
    inner = sub.add_parser("job")  # one job given as JSON, run by `batch` in its own process
    inner.add_argument("json")
    args = parser.parse_args()
    if args.command == "one":
        job = {"file": args.file, "module": args.module, "entry": args.entry, "inputs": args.input,
               "path": args.path, "call": args.call, "defs_only": args.defs_only, "seed": args.seed,
               "even_routing": args.even_routing}
        print(json.dumps(_run_one(job)))
    elif args.command == "job":
        print(json.dumps(_run_one(json.loads(args.json))))
    else:
        with open(args.jobs, encoding="utf-8") as handle:
            jobs = json.load(handle)
        for job, result in run_jobs(jobs, lambda job: [sys.executable, os.path.abspath(__file__), "job", json.dumps(job)], args.timeout):
            print(json.dumps(dict(result, id=job.get("id", job.get("entry")))), flush=True)


def run_jobs(jobs, argv_of, timeout):
    """Runs each job in its own process (a model's crash or hang stays its own); yields (job, its last JSON line)."""
    for job in jobs:
        try:
            done = subprocess.run(argv_of(job), capture_output=True, text=True, timeout=timeout)
            lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
            result = json.loads(lines[-1]) if lines else {"error": done.stderr.strip()[-500:]}
        except subprocess.TimeoutExpired:
            result = {"error": f"timed out after {timeout} s"}
        yield job, result


if __name__ == "__main__":
    main()
