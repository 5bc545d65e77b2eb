"""Ground truth for the report's module tree: every named module's parameters as PyTorch counts them.

A measuring tool for the development machine (Debian's python3-torch 1.13 or PyTorch 2.x), never a dependency of
the product. It builds a model as count.py does (same job fields: file or module, entry, path, defs_only) and
prints, for each path of `model.named_modules()` (each module once, at its first path, as PyTorch lists them):
  params: sum(p.numel() for p in m.parameters()), a tensor shared inside the module counted once;
  owned:  the parameters first met at this path or below, walking named_modules() in order (a tensor tied to an
          earlier module, such as a language model head tied to the embedding, is the earlier module's);
  type:   the module's class name.
The root is "". Forward never runs, so a model whose forward needs PyTorch 2 still gets its tree.

Usage (run with /usr/bin/python3):
  module-params.py jobs.json [--timeout 300] > results.jsonl
    jobs.json: [{"id": "...", "file" | "module": "...", "entry": "...", "path": ["dir"], "defs_only": true}]
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
count = __import__("count")  # count.py's model loading: the same namespaces, polyfills and argparse defaults


def tree(job):
    """The job's model's modules with their PyTorch and first-owner parameter counts."""
    import torch
    count._install_polyfills(torch)
    torch.manual_seed(job.get("seed", 0))
    model = eval(job["entry"], count._namespace(job))
    owner = {}
    for path, module in model.named_modules():
        for p in module.parameters(recurse=False):
            owner.setdefault(id(p), path)
    owned = {}
    for p in {id(p): p for p in model.parameters()}.values():
        path = owner[id(p)]
        while True:
            owned[path] = owned.get(path, 0) + p.numel()
            if path == "":
                break
            path = path.rpartition(".")[0]
    modules = {path: {"type": type(m).__name__, "params": sum(p.numel() for p in m.parameters()),
                      "owned": owned.get(path, 0)} for path, m in model.named_modules()}
    return {"params": sum(p.numel() for p in model.parameters()), "modules": modules}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("jobs", help="jobs.json, or --job JSON for one job in this process")
    parser.add_argument("--timeout", type=int, default=300)
    parser.add_argument("--job", action="store_true", help="JOBS is one job's JSON text (used by the batch run)")
    args = parser.parse_args()
    if args.job:
        job = json.loads(args.jobs)
        try:
            result = tree(job)
        except BaseException as error:  # one model's failure is reported as data
            result = {"error": f"{type(error).__name__}: {error}"[:500]}
        print(json.dumps(result))
        return
    with open(args.jobs, encoding="utf-8") as handle:
        jobs = json.load(handle)
    for job, result in count.run_jobs(jobs, lambda job: [sys.executable, os.path.abspath(__file__), "--job", json.dumps(job)], args.timeout):
        print(json.dumps({"id": job["id"], **result}), flush=True)


if __name__ == "__main__":
    main()
