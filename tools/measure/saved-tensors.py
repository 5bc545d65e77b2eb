#!/usr/bin/python3
"""Activation memory of one training step, as PyTorch keeps it: the truth for Greenlight's memory model.

Usage (Debian's PyTorch, CPU):
  /usr/bin/python3 tools/measure/saved-tensors.py FILE ENTRY SHAPE[:int64[:HIGH]] [SHAPE...] [--call EXPR]

FILE is imported as a module (a relative path with folders as a package module from the current folder; its
folder and the folder above on sys.path), ENTRY is evaluated in its namespace to
build the model, each SHAPE (1x3x32x32, 2x64:int64:50) makes one input (randn, or token ids below HIGH), and the
model runs forward once in train mode under torch.autograd.graph.saved_tensors_hooks. Every tensor autograd packs
for backward is mapped to its storage; parameters and buffers are left out (they are the weights, counted apart),
and each storage counts once at its full size, as it stays alive until backward. Prints one JSON line:
  {"saved_bytes", "saved_storages", "param_bytes", "trainable_params", "buffer_bytes", "torch"}.
This runs the file's code: use it only on code you trust, never from the product or its tests.
"""
import importlib.util
import json
import os
import sys

import torch


def parse_shape(text):
    parts = text.split(":")
    dims = [int(d) for d in parts[0].split("x")]
    if len(parts) > 1 and parts[1] == "int64":
        high = int(parts[2]) if len(parts) > 2 else 2
        return torch.randint(0, high, dims)
    return torch.randn(*dims)


def main(argv):
    call = None
    if "--call" in argv:
        i = argv.index("--call")
        call = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    path, entry, shapes = argv[0], argv[1], argv[2:]
    folder = os.path.dirname(os.path.abspath(path))
    sys.path[:0] = [os.getcwd(), folder, os.path.dirname(folder)]
    if os.path.dirname(path) and not os.path.isabs(path):
        # a file inside a package, named from the current folder (relative imports need the package)
        module = importlib.import_module(path[:-3].replace(os.sep, "."))
    else:
        spec = importlib.util.spec_from_file_location("measured_module", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    torch.manual_seed(0)
    model = eval(entry, vars(module))
    model.train()
    inputs = [parse_shape(s) for s in shapes]
    weights = {p.storage().data_ptr() for p in model.parameters()} | {b.storage().data_ptr() for b in model.buffers()}
    kept = {}

    def pack(t):
        s = t.storage()
        if s.data_ptr() not in weights and s.data_ptr() != 0:
            kept[s.data_ptr()] = s.nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        if call:
            out = eval(call, {**vars(module), "model": model, "inputs": inputs, "torch": torch})
        else:
            out = model(*inputs)
    del out
    params = list({id(p): p for p in model.parameters()}.values())
    print(json.dumps({
        "saved_bytes": sum(kept.values()),
        "saved_storages": len(kept),
        "param_bytes": sum(p.numel() * p.element_size() for p in params),
        "trainable_params": sum(p.numel() for p in params if p.requires_grad),
        "buffer_bytes": sum(b.numel() * b.element_size() for b in model.buffers()),
        "torch": torch.__version__,
    }))


if __name__ == "__main__":
    main(sys.argv[1:])
