#!/usr/bin/env python3
"""Measures joules and seconds per iteration of small PyTorch workloads on one NVIDIA GPU.

The method follows ../shared/calibration/README.md so the numbers are comparable with h100.json: energy is the
difference of NVML's total-energy counter (whole board, idle included) over about 3 s of back-to-back iterations
after warm-up, synchronised; time is wall time per iteration, host overhead included. FLOPs come from
torch.utils.flop_counter over one iteration (train: forward + backward + optimizer step). For each run the script
also counts GPU kernels per iteration and their summed duration with torch.profiler, which tells launch-bound runs
(GPU mostly idle) from device-bound ones.

The networks are ours (plain torch.nn); those the analyzer agreement test also reads come from
test/fixtures/energy/networks/, and test/unit/core/energy/workloads.ts describes the same layers without Python. Usage: python3 tools/measure-energy.py --out results.json [--only NAME] [--seconds 3]
"""

import argparse
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

try:
    import pynvml
except ImportError:  # nvidia-ml-py provides pynvml
    pynvml = None


# ---------------------------------------------------------------- networks (ours, plain torch.nn)


# Networks that test/unit/energy also analyzes live in its fixtures, loaded from there so both see one definition.
def _load_networks():
    import importlib.util
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "test" / "fixtures" / "energy" / "networks"
    found = {}
    for path in sorted(folder.glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"energy_networks_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found.update({k: v for k, v in vars(module).items() if isinstance(v, type) and issubclass(v, nn.Module)})
    return found


_networks = _load_networks()
BertEncoder = _networks["BertEncoder"]
CifarResNet18 = _networks["CifarResNet18"]
GPT = _networks["GPT"]
GRUClassifier = _networks["GRUClassifier"]
LSTMClassifier = _networks["LSTMClassifier"]


def mlp():
    return nn.Sequential(
        nn.Linear(1024, 4096), nn.ReLU(), nn.Linear(4096, 4096), nn.ReLU(), nn.Linear(4096, 1000)
    )


def conv_bn(cin, cout, stride, groups=1, activation=True, kernel=3):
    parts = [nn.Conv2d(cin, cout, kernel, stride, kernel // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    if activation:
        parts.append(nn.ReLU6())
    return nn.Sequential(*parts)


class InvertedResidual(nn.Module):
    def __init__(self, cin, cout, stride, expand):
        super().__init__()
        hidden = cin * expand
        parts = [] if expand == 1 else [conv_bn(cin, hidden, 1, kernel=1)]
        parts += [conv_bn(hidden, hidden, stride, groups=hidden), conv_bn(hidden, cout, 1, activation=False, kernel=1)]
        self.body = nn.Sequential(*parts)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        return x + self.body(x) if self.residual else self.body(x)


class MobileNetV2(nn.Module):
    """The MobileNetV2 layout (Sandler et al. 2018, Table 2), width 1.0, 224x224 inputs."""

    SETTINGS = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]

    def __init__(self, classes=1000):
        super().__init__()
        blocks = [conv_bn(3, 32, 2)]
        cin = 32
        for expand, cout, repeats, stride in self.SETTINGS:
            for i in range(repeats):
                blocks.append(InvertedResidual(cin, cout, stride if i == 0 else 1, expand))
                cin = cout
        blocks.append(conv_bn(cin, 1280, 1, kernel=1))
        self.features = nn.Sequential(*blocks)
        self.classifier = nn.Linear(1280, classes)

    def forward(self, x):
        x = F.adaptive_avg_pool2d(self.features(x), 1).flatten(1)
        return self.classifier(x)


class VGG16(nn.Module):
    """VGG configuration D (Simonyan and Zisserman 2015), no batch norm, 224x224 inputs."""

    LAYOUT = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]

    def __init__(self, classes=1000):
        super().__init__()
        parts, cin = [], 3
        for item in self.LAYOUT:
            if item == "M":
                parts.append(nn.MaxPool2d(2))
            else:
                parts += [nn.Conv2d(cin, item, 3, padding=1), nn.ReLU()]
                cin = item
        self.features = nn.Sequential(*parts)
        self.classifier = nn.Sequential(
            nn.Linear(512 * 7 * 7, 4096), nn.ReLU(), nn.Dropout(), nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(),
            nn.Linear(4096, classes),
        )

    def forward(self, x):
        return self.classifier(self.features(x).flatten(1))


# ---- the calibration workloads again (our own code), to read their kernel counts beside the held-out ones


class SimpleCNN(nn.Module):
    """A VGG-style CIFAR network: conv-bn-relu pairs, max pools, two Linear layers."""

    def __init__(self):
        super().__init__()
        parts, cin = [], 3
        for item in [64, 64, "M", 128, 128, "M", 256, "M"]:
            if item == "M":
                parts.append(nn.MaxPool2d(2))
            else:
                parts += [nn.Conv2d(cin, item, 3, padding=1, bias=False), nn.BatchNorm2d(item), nn.ReLU(inplace=True)]
                cin = item
        self.features = nn.Sequential(*parts)
        self.classifier = nn.Sequential(nn.Linear(256 * 4 * 4, 512), nn.ReLU(inplace=True), nn.Linear(512, 10))

    def forward(self, x):
        return self.classifier(self.features(x).flatten(1))


def wide_mlp():
    return nn.Sequential(nn.Linear(8192, 8192), nn.ReLU(), nn.Linear(8192, 8192), nn.ReLU(), nn.Linear(8192, 1000))


def torchvision_model(name):
    import torchvision

    return getattr(torchvision.models, name)()


# ---------------------------------------------------------------- runs


def image_input(size, classes):
    return lambda b: (torch.randn(b, 3, size, size), torch.randint(classes, (b,)))


WORKLOADS = {
    "mlp-4096": (mlp, lambda b: (torch.randn(b, 1024), torch.randint(1000, (b,)))),
    "bert-base-encoder": (BertEncoder, lambda b: (torch.randint(30522, (b, 128)), torch.randint(2, (b,)))),
    "mobilenet-v2": (MobileNetV2, image_input(224, 1000)),
    "vgg16": (VGG16, image_input(224, 1000)),
    "lstm-2x1024": (LSTMClassifier, lambda b: (torch.randn(b, 128, 512), torch.randint(10, (b,)))),
    "tv-resnet50": (lambda: torchvision_model("resnet50"), image_input(224, 1000)),
    "tv-vit-b-16": (lambda: torchvision_model("vit_b_16"), image_input(224, 1000)),
    "cifar-resnet18": (CifarResNet18, image_input(32, 10)),
    "tv-resnet18": (lambda: torchvision_model("resnet18"), image_input(224, 1000)),
    "gpt-small": (GPT, lambda b: (torch.randint(32000, (b, 512)), torch.randint(32000, (b, 512)))),
    "mlp-8192": (wide_mlp, lambda b: (torch.randn(b, 8192), torch.randint(1000, (b,)))),
    "gru-512": (GRUClassifier, lambda b: (torch.randn(b, 256, 256), torch.randint(10, (b,)))),
    "simple-cnn": (SimpleCNN, image_input(32, 10)),
}

# A second held-out set, measured after the model's constants were fixed: never used to shape or fit the model.
SECOND_SET = [
    ("tv-resnet18", 1, "fp32", "inference"), ("tv-resnet18", 64, "fp32", "inference"),
    ("tv-resnet18", 64, "bf16", "inference"), ("tv-resnet18", 64, "bf16", "train"),
    ("gpt-small", 1, "bf16", "inference"), ("gpt-small", 16, "bf16", "inference"),
    ("gpt-small", 16, "fp32", "inference"), ("gpt-small", 16, "bf16", "train"),
    ("mlp-8192", 1, "fp32", "inference"), ("mlp-8192", 512, "fp32", "inference"),
    ("mlp-8192", 512, "bf16", "inference"), ("mlp-8192", 512, "bf16", "train"),
    ("gru-512", 1, "fp32", "inference"), ("gru-512", 64, "fp32", "inference"),
    ("gru-512", 256, "bf16", "inference"), ("gru-512", 64, "fp32", "train"),
    ("simple-cnn", 1, "fp32", "inference"), ("simple-cnn", 512, "fp32", "inference"),
    ("simple-cnn", 512, "bf16", "inference"), ("simple-cnn", 512, "fp32", "train"),
]

HELD_OUT = [
    ("mlp-4096", [1, 32, 256], ["fp32", "bf16"], [256]),
    ("bert-base-encoder", [1, 32, 256], ["fp32", "bf16"], [32]),
    ("mobilenet-v2", [1, 32, 256], ["fp32", "bf16"], [128]),
    ("vgg16", [1, 32, 256], ["fp32", "bf16"], [32]),
    ("lstm-2x1024", [1, 32, 256], ["fp32", "bf16"], [64]),
]

# Repeats of calibration runs: their kernel counts and GPU-busy time inform the launch and power constants.
CALIBRATION_REPEATS = [
    ("tv-resnet50", 1, "fp32", "inference"),
    ("tv-resnet50", 128, "fp32", "inference"),
    ("tv-resnet50", 1, "bf16", "inference"),
    ("tv-resnet50", 128, "bf16", "train"),
    ("tv-vit-b-16", 1, "bf16", "inference"),
    ("tv-vit-b-16", 64, "bf16", "inference"),
    ("cifar-resnet18", 1, "fp32", "inference"),
    ("cifar-resnet18", 256, "fp32", "train"),
]


def gru_flops(batch, mode):
    """GRU matmul FLOPs (3 gates), as for lstm_flops."""
    seq, hidden, inputs = 256, 512, 256
    forward = 2 * 3 * hidden * (inputs + hidden) * seq * batch + 2 * hidden * 10 * batch
    return 3 * forward - 2 * 3 * hidden * inputs * seq * batch if mode == "train" else forward


def lstm_flops(batch, mode):
    """LSTM matmul FLOPs (flop_counter has no rule for cuDNN's fused RNN): 2 per multiply-accumulate, 4 gates."""
    seq, hidden = 128, 1024
    forward = 0
    for inputs in (512, 1024):
        forward += 2 * 4 * hidden * (inputs + hidden) * seq * batch
    forward += 2 * 1024 * 10 * batch
    return forward * 3 if mode == "train" else forward


class Energy:
    def __init__(self):
        self.handle = None
        if pynvml is not None:
            pynvml.nvmlInit()
            self.handle = pynvml.nvmlDeviceGetHandleByIndex(0)

    def millijoules(self):
        return pynvml.nvmlDeviceGetTotalEnergyConsumption(self.handle) if self.handle else float("nan")

    def power_limit_w(self):
        return pynvml.nvmlDeviceGetEnforcedPowerLimit(self.handle) / 1000 if self.handle else float("nan")


def make_step(model, inputs, targets, dtype, mode):
    autocast = torch.autocast("cuda", dtype=torch.bfloat16, enabled=dtype == "bf16")
    if mode == "inference":
        model.eval()

        def step():
            with torch.no_grad(), autocast:
                model(inputs)

        return step
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)

    def step():
        with autocast:
            if isinstance(model, GPT):
                loss = model(inputs, targets)
            else:
                loss = F.cross_entropy(model(inputs).float(), targets)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)

    return step


def count_flops(step):
    from torch.utils.flop_counter import FlopCounterMode

    counter = FlopCounterMode(display=False)
    with counter:
        step()
    torch.cuda.synchronize()
    return int(counter.get_total_flops())


def profile_kernels(step, iterations=3):
    """Kernels per iteration and their summed GPU duration (s), from torch.profiler's CUDA activity."""
    from torch.profiler import ProfilerActivity, profile

    with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as prof:
        for _ in range(iterations):
            step()
        torch.cuda.synchronize()
    kernels, busy_us = 0, 0.0
    for event in prof.events():
        if str(getattr(event, "device_type", "")).endswith("CUDA"):
            kernels += 1
            busy_us += event.time_range.elapsed_us()
    return kernels / iterations, busy_us / iterations / 1e6


def measure(name, batch, dtype, mode, energy, seconds):
    build, make_input = WORKLOADS[name]
    torch.manual_seed(0)
    model = build().cuda()
    inputs, targets = (t.cuda() for t in make_input(batch))
    step = make_step(model, inputs, targets, dtype, mode)
    for _ in range(3):
        step()
    torch.cuda.synchronize()
    flops = lstm_flops(batch, mode) if name.startswith("lstm") else gru_flops(batch, mode) if name.startswith("gru") else count_flops(step)
    # warm-up for about half a second so clocks and caches settle, as in the calibration
    start = time.perf_counter()
    while time.perf_counter() - start < 0.5:
        step()
    torch.cuda.synchronize()
    iterations, begin_mj = 0, energy.millijoules()
    start = time.perf_counter()
    while True:
        step()
        iterations += 1
        if iterations % 4 == 0 or iterations < 4:
            if time.perf_counter() - start >= seconds:
                break
    torch.cuda.synchronize()
    elapsed = time.perf_counter() - start
    joules = (energy.millijoules() - begin_mj) / 1000
    try:
        kernels, busy = profile_kernels(step)
    except Exception as err:  # profiling is a bonus; the energy figures stand without it
        kernels, busy = None, None
        print(f"  profiler failed: {err}", file=sys.stderr)
    del model, step
    torch.cuda.empty_cache()
    per_iter = elapsed / iterations
    return {
        "name": name,
        "batch": batch,
        "dtype": dtype,
        "mode": mode,
        "flops_per_iter": flops,
        "flops_source": "analytic" if name.startswith(("lstm", "gru")) else "torch.utils.flop_counter",
        "iters": iterations,
        "seconds": round(elapsed, 4),
        "s_per_iter": per_iter,
        "energy_J": round(joules, 3),
        "J_per_iter": joules / iterations,
        "avg_power_W": round(joules / elapsed, 1),
        "achieved_tflops": round(flops / per_iter / 1e12, 2),
        "kernels_per_iter": kernels,
        "gpu_busy_s_per_iter": busy,
    }


def idle_power(energy, seconds=5.0):
    torch.cuda.synchronize()
    time.sleep(1.0)
    begin, start = energy.millijoules(), time.perf_counter()
    time.sleep(seconds)
    return (energy.millijoules() - begin) / 1000 / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--only", default=None, help="run only workloads whose name contains this")
    parser.add_argument("--skip-repeats", action="store_true")
    parser.add_argument("--second-set", action="store_true", help="measure the second held-out set only")
    parser.add_argument("--hardware", default=None, help="the Greenlight profile id of this GPU (greenlight hardware), recorded for tools/energy-ranges.mjs")
    parser.add_argument("--host", default=None, help="the host class id of this machine's CPU (greenlight hardware), recorded likewise")
    args = parser.parse_args()
    torch.backends.cudnn.allow_tf32 = True  # PyTorch's defaults, stated so the file says what ran
    torch.backends.cuda.matmul.allow_tf32 = False
    energy = Energy()
    plan = []
    for name, batches, dtypes, train_batches in HELD_OUT:
        plan += [(name, b, d, "inference", "held-out") for d in dtypes for b in batches]
        plan += [(name, b, "bf16" if name in ("bert-base-encoder", "vgg16") else "fp32", "train", "held-out") for b in train_batches]
    if not args.skip_repeats:
        plan += [(n, b, d, m, "calibration-repeat") for n, b, d, m in CALIBRATION_REPEATS]
    if args.second_set:
        plan = [(n, b, d, m, "held-out-2") for n, b, d, m in SECOND_SET]
    if args.only:
        plan = [p for p in plan if args.only in p[0]]
    result = {
        "gpu": torch.cuda.get_device_name(0),
        **({"hardware": args.hardware} if args.hardware else {}),
        **({"host": args.host} if args.host else {}),
        "torch": torch.__version__,
        "power_limit_W": energy.power_limit_w(),
        "cudnn_allow_tf32": True,
        "matmul_allow_tf32": False,
        "idle_power_W": idle_power(energy),
        "runs": [],
    }
    for name, batch, dtype, mode, group in plan:
        try:
            run = measure(name, batch, dtype, mode, energy, args.seconds)
        except Exception as err:
            print(f"{name} b{batch} {dtype} {mode}: failed: {err}", file=sys.stderr)
            torch.cuda.empty_cache()
            continue
        run["group"] = group
        result["runs"].append(run)
        print(
            f"{name:18} b{batch:<4} {dtype} {mode:9} {run['s_per_iter']*1e3:9.3f} ms {run['J_per_iter']:9.4f} J "
            f"{run['avg_power_W']:6.1f} W {run['achieved_tflops']:7.2f} TF k={run['kernels_per_iter']} "
            f"busy={None if run['gpu_busy_s_per_iter'] is None else round(run['gpu_busy_s_per_iter']*1e3, 3)} ms",
            flush=True,
        )
        with open(args.out, "w") as handle:  # rewritten after each run so a cut-off call keeps what it measured
            json.dump(result, handle, indent=1)
    result["idle_power_W_after"] = idle_power(energy)
    with open(args.out, "w") as handle:
        json.dump(result, handle, indent=1)


if __name__ == "__main__":
    main()
