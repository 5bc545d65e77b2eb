"""Generates the analyzer's published signatures from the libraries' own stubs and sources.

Reads text only (Python's `ast`; nothing is imported or run): the `.pyi` stubs PyTorch ships, the Python sources
that define torch.functional, Tensor, nn.Module's methods and the torch.nn modules, numpy's stubs, and typeshed's
stdlib stubs for the builtins, the methods of str/list/tuple/dict/set/frozenset (with those they inherit from
typing's ABCs) and the standard-library modules model code calls. Writes one JSON data file per library under
src/core/signatures/, with the version and the files each entry came from.

  /usr/bin/python3 tools/signatures/generate.py [--site /usr/lib/python3/dist-packages] [--typeshed DIR]
                                               [--out src/core/signatures]

The checked-in data came from Debian's python3-torch 1.13 and python3-numpy 1.24 (--site default) and the typeshed
that jedi 0.20.0 vendors (--typeshed .../site-packages/jedi/third_party/typeshed; mypy vendors one too).

A parameter is written "name" (required), "name=default" (the literal when the source gives one, else "..."),
"*args", "**kwargs", "*" (keyword-only follow) or "/" (positional-only before). Overloads keep their order.
"""
import argparse
import ast
import json
import os
import re

SIMPLE_DEFAULT = re.compile(r"^(None|True|False|-?\d+(\.\d*)?(e-?\d+)?|'[^']*'|\"[^\"]*\")$")


def _default_text(node):
    text = ast.unparse(node)
    return text if SIMPLE_DEFAULT.match(text) else "..."


def signature_of(fn, drop_self):
    """The parameter list of a FunctionDef in the data format above."""
    a = fn.args
    out = []
    positional = a.posonlyargs + a.args
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    for i, (p, d) in enumerate(zip(positional, defaults)):
        if i == 0 and drop_self and p.arg in ("self", "cls"):
            continue
        out.append(p.arg if d is None else f"{p.arg}={_default_text(d)}")
        if a.posonlyargs and p is a.posonlyargs[-1]:
            out.append("/")
    if a.vararg:
        out.append("*" + a.vararg.arg)
    elif a.kwonlyargs:
        out.append("*")
    for p, d in zip(a.kwonlyargs, a.kw_defaults):
        out.append(p.arg if d is None else f"{p.arg}={_default_text(d)}")
    if a.kwarg:
        out.append("**" + a.kwarg.arg)
    # A stub's leading double-underscore names are positional-only by PEP 484's convention.
    if "/" not in out:
        dunder = [i for i, p in enumerate(out) if p.startswith("__") and not p.startswith("**")]
        if dunder and dunder == list(range(len(dunder))):
            out = [p[2:] if i in dunder else p for i, p in enumerate(out)]
            out.insert(len(dunder), "/")
    return out


def _is_private(name):
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


class Collector:
    def __init__(self, site):
        self.site = site
        self.entries = {}
        self.sources = {}

    def parse(self, rel):
        with open(os.path.join(self.site, rel), encoding="utf-8") as handle:
            return ast.parse(handle.read())

    def put(self, name, overloads, rel, replace):
        unique = []
        for o in overloads:  # stubs repeat a parameter list once per return type
            if o not in unique:
                unique.append(o)
        overloads = unique
        if not overloads:
            return
        if name in self.entries and not replace:
            return
        self.entries[name] = overloads
        self.sources[name] = rel

    def functions(self, rel, prefix, names=None, replace=False):
        """Module-level defs (with their @overload variants) as prefix + name."""
        found = {}
        for node in self.parse(rel).body:
            if isinstance(node, ast.FunctionDef) and not _is_private(node.name):
                if names is None or node.name in names:
                    found.setdefault(node.name, []).append(signature_of(node, False))
        for name, overloads in found.items():
            self.put(prefix + name, overloads, rel, replace)

    def methods(self, rel, class_name, prefix, replace=False):
        """Methods of one class, self dropped."""
        for node in self.parse(rel).body:
            if isinstance(node, ast.ClassDef) and node.name == class_name:
                found = {}
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and not _is_private(item.name):
                        if any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in item.decorator_list):
                            continue
                        found.setdefault(item.name, []).append(signature_of(item, True))
                for name, overloads in found.items():
                    self.put(prefix + name, overloads, rel, replace)

    def class_methods(self, rels, class_name, prefix):
        """Methods of a class and of the bases it inherits them from (dict.setdefault is MutableMapping's), found by
        name among the classes of `rels`; the class's own definition wins over a base's."""
        classes = {}
        for rel in rels:
            for node in self.parse(rel).body:
                if isinstance(node, ast.ClassDef):
                    classes.setdefault(node.name, (rel, node))
        seen = set()

        def visit(name):
            if name in seen or name not in classes:
                return
            seen.add(name)
            rel, node = classes[name]
            self.methods(rel, name, prefix)
            for base in node.bases:
                base = base.value if isinstance(base, ast.Subscript) else base
                if isinstance(base, ast.Name):
                    visit(base.id)

        visit(class_name)

    def aliases(self, rel, prefix):
        """`conv2d = _add_docstr(torch.conv2d, ...)`: the name binds like the function it documents."""
        for node in self.parse(rel).body:
            if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "_add_docstr"
                    and node.value.args):
                target = ast.unparse(node.value.args[0])
                if target in self.entries:
                    self.put(prefix + node.targets[0].id, self.entries[target], self.sources[target], False)

    def class_calls(self, rel, prefix):
        """What calling each public class binds against: its __init__, else its __new__ (typeshed's builtins)."""
        for node in self.parse(rel).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                for method in ("__init__", "__new__"):
                    defs = [i for i in node.body if isinstance(i, ast.FunctionDef) and i.name == method]
                    if defs:
                        self.put(prefix + node.name, [signature_of(d, True) for d in defs], rel, False)
                        break

    def constructors(self, rel, prefix):
        """__init__ of every public class in a module: nn.Conv2d(in_channels, ...)."""
        for node in self.parse(rel).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                inits = [i for i in node.body if isinstance(i, ast.FunctionDef) and i.name == "__init__"]
                if inits:
                    self.put(prefix + node.name, [signature_of(i, True) for i in inits], rel, False)


def version_of(site, rel, pattern):
    with open(os.path.join(site, rel), encoding="utf-8") as handle:
        match = re.search(pattern, handle.read())
    return match.group(1) if match else "unknown"


def write(out, file_name, library, version, collector):
    data = {
        "library": library,
        "version": version,
        "generator": "tools/signatures/generate.py",
        "sources": sorted(set(collector.sources.values())),
        "signatures": {name: {"from": collector.sources[name], "overloads": collector.entries[name]}
                       for name in sorted(collector.entries)},
    }
    with open(os.path.join(out, file_name), "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=0, sort_keys=False)
        handle.write("\n")
    print(f"{file_name}: {len(collector.entries)} signatures from {len(data['sources'])} files")


def torch_signatures(site):
    c = Collector(site)
    # Python-defined functions and methods override the C stubs: they are what a call binds against.
    functional_all = set(ast.literal_eval(next(n.value for n in c.parse("torch/functional.py").body
                                               if isinstance(n, ast.Assign) and n.targets[0].id == "__all__")))
    c.functions("torch/functional.py", "torch.", functional_all)
    c.functions("torch/_C/_VariableFunctions.pyi", "torch.")
    c.methods("torch/_tensor.py", "Tensor", "torch.Tensor.")
    c.methods("torch/_C/__init__.pyi", "_TensorBase", "torch.Tensor.")
    c.functions("torch/nn/functional.py", "torch.nn.functional.")
    c.functions("torch/nn/functional.pyi", "torch.nn.functional.")
    c.functions("torch/_C/_nn.pyi", "torch._C._nn.")
    c.aliases("torch/nn/functional.py", "torch.nn.functional.")
    c.functions("torch/nn/init.py", "torch.nn.init.")
    for name in sorted(os.listdir(os.path.join(site, "torch/nn/modules"))):
        if name.endswith(".py") and not name.startswith("_"):
            c.constructors(f"torch/nn/modules/{name}", "torch.nn.")
    c.constructors("torch/nn/parameter.py", "torch.nn.")
    c.methods("torch/nn/modules/module.py", "Module", "torch.nn.Module.")
    for container in ("Sequential", "ModuleList", "ModuleDict", "ParameterList", "ParameterDict"):
        c.methods("torch/nn/modules/container.py", container, f"torch.nn.{container}.")
    version = version_of(site, "torch/version.py", r"__version__\s*=\s*'([^']+)'")
    return c, version


def numpy_signatures(site):
    c = Collector(site)
    for folder in ("numpy/core", "numpy/lib"):
        for name in sorted(os.listdir(os.path.join(site, folder))):
            if name.endswith(".pyi") and not name.startswith("_"):
                c.functions(f"{folder}/{name}", "numpy.")
    c.methods("numpy/random/mtrand.pyi", "RandomState", "numpy.random.")
    c.methods("numpy/__init__.pyi", "ndarray", "numpy.ndarray.")
    c.methods("numpy/__init__.pyi", "_ArrayOrScalarCommon", "numpy.ndarray.")
    info = next(n for n in os.listdir(site) if n.startswith("numpy-") and n.endswith(".egg-info"))
    version = version_of(site, f"{info}/PKG-INFO", r"\nVersion: (\S+)")
    return c, version


def _default_typeshed():
    """typeshed as jedi or mypy vendor it, found through the running Python's site-packages."""
    import site
    for folder in site.getsitepackages() + [site.getusersitepackages()]:
        for vendored in ("jedi/third_party/typeshed", "mypy/typeshed"):
            if os.path.isdir(os.path.join(folder, vendored, "stdlib")):
                return os.path.join(folder, vendored)
    return None


def _typeshed_version(typeshed):
    """The vendoring package and its version: typeshed itself carries none."""
    parent = os.path.dirname(os.path.dirname(typeshed)) if "third_party" in typeshed else os.path.dirname(typeshed)
    package = os.path.basename(os.path.normpath(parent))
    for name in os.listdir(os.path.dirname(parent)):
        if name.startswith(package + "-") and name.endswith(".dist-info"):
            return f"stdlib as vendored by {name[:-len('.dist-info')]}"
    return f"stdlib as vendored by {package}"


def python_signatures(typeshed):
    """Builtins and the standard-library modules model code calls, from typeshed's stdlib stubs."""
    c = Collector(typeshed)
    c.functions("stdlib/builtins.pyi", "builtins.")
    c.class_calls("stdlib/builtins.pyi", "builtins.")
    for module in ("math", "functools", "itertools", "operator", "copy", "collections/__init__", "random"):
        name = module.split("/")[0]
        c.functions(f"stdlib/{module}.pyi", f"{name}.")
        c.class_calls(f"stdlib/{module}.pyi", f"{name}.")
    for cls in ("str", "list", "tuple", "dict", "set", "frozenset"):
        c.class_methods(["stdlib/builtins.pyi", "stdlib/typing.pyi"], cls, f"builtins.{cls}.")
    return c


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default="/usr/lib/python3/dist-packages")
    parser.add_argument("--typeshed", default=_default_typeshed(),
                        help="a typeshed checkout (its stdlib/ folder); jedi and mypy vendor one")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "../../src/core/signatures"))
    args = parser.parse_args()
    c, version = torch_signatures(args.site)
    write(args.out, "torch.json", "torch", version, c)
    c, version = numpy_signatures(args.site)
    write(args.out, "numpy.json", "numpy", version, c)
    if args.typeshed:
        write(args.out, "python.json", "typeshed", _typeshed_version(args.typeshed), python_signatures(args.typeshed))


if __name__ == "__main__":
    main()
