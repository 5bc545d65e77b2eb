"""Writes src/core/environment/stdlib-modules.json: the top-level module names of Python's standard library.

The names come from the running interpreter's sys.stdlib_module_names (Python 3.10+), which lists every module and
package the standard library ships on any platform (private ones such as _abc included). The analyzer reads that
list to tell a standard-library module it does not model from a package missing from the user's environment.

Usage: /usr/bin/python3 tools/stdlib/generate.py   (checked in: Debian's Python 3.11.2)
"""
import json
import os
import platform
import sys

if sys.version_info < (3, 10):
    sys.exit("needs Python 3.10 or newer (sys.stdlib_module_names)")

out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "core", "environment", "stdlib-modules.json")
data = {
    "source": "sys.stdlib_module_names",
    "python": platform.python_version(),
    "generator": "tools/stdlib/generate.py",
    "modules": sorted(sys.stdlib_module_names),
}
with open(out, "w", encoding="utf-8") as f:
    json.dump(data, f, indent=0)
    f.write("\n")
print(f"{len(data['modules'])} modules of Python {data['python']} -> {os.path.normpath(out)}")
