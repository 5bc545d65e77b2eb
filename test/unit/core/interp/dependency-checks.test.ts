import assert from "node:assert/strict";
import { onlyModel } from "../../helpers/analyze";

// Libraries check their optional dependencies before taking a path: importlib.util.find_spec, importlib.metadata's
// version, parsed with a verbose regular expression and compared through rich comparison methods (packaging's
// Version, with its Infinity objects), trailing zeros dropped with itertools.dropwhile. Truth: PyTorch 1.13 (Python
// 3.11) on the same file: 80 parameters, output [1, 16].
describe("dependency checks libraries make (importlib, re.VERBOSE, __lt__/__ge__, itertools.dropwhile)", () => {
  it("finds torch installed at a version, a missing package not, and compares versions as packaging does", async () => {
    const m = await onlyModel(`
import importlib.metadata
import importlib.util
import itertools
import re
import torch.nn as nn

_PATTERN = r"""
    v?
    (?P<release>[0-9]+(?:\\.[0-9]+)*)   # release segment
    (?P<pre>[a-z]+[0-9]*)?             # pre-release, [a-z] matching A-Z too (IGNORECASE)
    (?:\\.dev(?P<dev>[0-9]+))?          # dev release
    (?:\\+(?P<local>[a-z0-9.]+))?       # local version
"""
_regex = re.compile(r"^\\s*" + _PATTERN + r"\\s*$", re.VERBOSE | re.IGNORECASE)


class Infinity:
    def __lt__(self, other):
        return False

    def __gt__(self, other):
        return True

    def __eq__(self, other):
        return isinstance(other, Infinity)


class Version:
    def __init__(self, text):
        match = _regex.search(text)
        if not match:
            raise ValueError(f"invalid version {text}")
        release = tuple(int(i) for i in match.group("release").split("."))
        release = tuple(reversed(list(itertools.dropwhile(lambda x: x == 0, reversed(release)))))
        dev = match.group("dev")
        self._key = (release, Infinity() if dev is None else int(dev))

    def __ge__(self, other):
        return self._key >= other._key

    def __lt__(self, other):
        return self._key < other._key


def is_available(name):
    if importlib.util.find_spec(name) is None:
        return False
    try:
        return Version(importlib.metadata.version(name)) >= Version("1.0")
    except importlib.metadata.PackageNotFoundError:
        return False


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        # each test's true answer is its second branch: a test the analyzer cannot decide takes the first
        width = 2 if not is_available("torch") or is_available("no_such_package_here") else 8
        if not Version("2.5.0.dev1") < Version("2.5") or Version("2.5") < Version("2.5.0") or not Version("2.10") >= Version("2.9.0"):
            width = 1
        else:
            width *= 2
        self.fc = nn.Linear(4, width)

    def forward(self, x):
        return self.fc(x)


model = Net()

`, { inputs: [{ shape: [1, 4], dtype: "float32" }] });
    assert.equal(m.complete, true, JSON.stringify(m.unresolved));
    assert.equal(m.params, 80);
    assert.deepEqual(m.output, [[1, 16]]);
  });
});
