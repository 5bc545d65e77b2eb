"""Writes the shapes of scikit-learn's toy datasets and sample generators as data the analyzer reads.

Reads scikit-learn's own sources as text (Python's `ast`; nothing is imported or run): each `make_*` generator of
sklearn/datasets/_samples_generator.py whose docstring gives `X : ndarray of shape (n_samples, F)` (F a number or
`n_features`), with its `n_samples` and `n_features` defaults; and each `load_*` of sklearn/datasets/_base.py whose
docstring table gives `Samples total` and `Dimensionality`. Tutorials train small models on these arrays whole
(`X, y = make_blobs(n_samples=80)`, `load_iris(return_X_y=True)`), so their rows are a run's samples.

  /usr/bin/python3 tools/signatures/sklearn-datasets.py [--site /usr/lib/python3/dist-packages] \
      [--out src/core/signatures/sklearn-datasets.json]

The checked-in data came from Debian's python3-sklearn 1.2.1 (--site default).
"""
import argparse
import ast
import json
import os
import re

X_SHAPE = re.compile(r"^\s*X : (?:ndarray|array) of shape \(n_samples, (\w+)\)", re.M)
SAMPLES_TOTAL = re.compile(r"^\s*Samples total\s+(\d+)\s*$", re.M)
DIMENSIONALITY = re.compile(r"^\s*Dimensionality\s+(\d+)\s*$", re.M)
RETURNS = re.compile(r"^\s*Returns\n\s*-+\n(.*?)(?:\n\s*\n\s*[A-Z][a-z]+\n\s*-+\n|\Z)", re.M | re.S)
RETURN_ENTRY = re.compile(r"^\s*(\w+) : [^\n]*?shape \((n_samples)?", re.M)


def defaults_of(fn):
    """The literal defaults of a FunctionDef's parameters, by name."""
    a = fn.args
    positional = a.posonlyargs + a.args
    pairs = list(zip(positional[len(positional) - len(a.defaults):], a.defaults)) + list(zip(a.kwonlyargs, a.kw_defaults))
    out = {}
    for p, d in pairs:
        if d is not None and isinstance(d, ast.Constant):
            out[p.arg] = d.value
    return out


def generators(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    out = {}
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or not fn.name.startswith("make_"):
            continue
        doc = ast.get_docstring(fn) or ""
        shape = X_SHAPE.search(doc)
        defaults = defaults_of(fn)
        if not shape or not isinstance(defaults.get("n_samples"), int):
            continue
        features = shape.group(1)
        # Positional order, for calls that pass n_samples or n_features without their keyword.
        entry = {"positional": [p.arg for p in fn.args.posonlyargs + fn.args.args], "n_samples": defaults["n_samples"]}
        if features.isdigit():
            entry["features"] = int(features)
        elif isinstance(defaults.get(features), int):
            entry["features"] = features
            entry[features] = defaults[features]
        else:
            continue
        # A second return of one row per sample (`y`, `t`) makes the call return the pair `X, y`.
        returns = RETURNS.search(doc)
        entries = RETURN_ENTRY.findall(returns.group(1)) if returns else []
        entry["labels"] = len(entries) > 1 and entries[1][1] == "n_samples"
        out[fn.name] = entry
    return out


def toy_datasets(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    out = {}
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or not fn.name.startswith("load_"):
            continue
        doc = ast.get_docstring(fn) or ""
        samples, dims = SAMPLES_TOTAL.search(doc), DIMENSIONALITY.search(doc)
        if samples and dims:
            out[fn.name] = {"samples": int(samples.group(1)), "features": int(dims.group(1))}
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", default="/usr/lib/python3/dist-packages")
    parser.add_argument("--out", default="src/core/signatures/sklearn-datasets.json")
    args = parser.parse_args()
    root = os.path.join(args.site, "sklearn")
    version = re.search(r'__version__ = "([^"]+)"', open(os.path.join(root, "__init__.py"), encoding="utf-8").read()).group(1)
    data = {
        "library": "scikit-learn",
        "version": version,
        "generator": "tools/signatures/sklearn-datasets.py",
        "sources": ["sklearn/datasets/_samples_generator.py", "sklearn/datasets/_base.py"],
        "generators": generators(os.path.join(root, "datasets", "_samples_generator.py")),
        "toy_datasets": toy_datasets(os.path.join(root, "datasets", "_base.py")),
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    main()
