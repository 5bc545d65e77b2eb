// Configuration systems whose config files are Python code, run by path (runpy.run_path stands for their loaders):
// ml_collections' config_flags and mmcv's / mmengine's Config. Each is the library's documented API as training
// scripts use it; a file the default run names is run as the library would, one the user must name stays unknown.

// ml_collections 0.1 (github.com/google/ml_collections, config_flags/config_flags.py and README "Config Flags"):
// `DEFINE_config_file(name, default)` makes `FLAGS.name` the ConfigDict that the file's `get_config()` returns
// (`path:arg` calls `get_config(arg)`); with no default the flag is None until the command line names a file, which
// scripts mark required. `DEFINE_config_dict` / `DEFINE_config_dataclass` hold the object they are given.
const CONFIG_FLAGS = `import runpy
from absl import flags as _flags
from _greenlight_unknown import known as _known, unknown as _unknown


def _load(path):
    file, sep, arg = path.partition(":")
    module = runpy.run_path(file)
    if not _known(module):
        return module
    if "get_config" not in module:
        return _unknown("the config file {} has no get_config()", file)
    return module["get_config"](arg) if sep else module["get_config"]()


def DEFINE_config_file(name, default=None, help_string="path to config file.", flag_values=None, lock_config=True, **kwargs):
    return _flags._define(name, None if default is None else _load(default))


def DEFINE_config_dict(name, config, help_string="ConfigDict instance.", flag_values=None, lock_config=True, **kwargs):
    return _flags._define(name, config)


def DEFINE_config_dataclass(name, config, help_string="Configuration object.", flag_values=None, **kwargs):
    return _flags._define(name, config)
`;

// mmcv 1.7 (mmcv/utils/config.py, docs "Config") and mmengine 0.10 (mmengine/config/config.py): `Config.fromfile(
// path)` runs a Python config (or reads a YAML/JSON one) and keeps its public names; `_base_` (a path or a list,
// relative to the file) names files read first, the file's own dicts merged into theirs key by key unless a dict sets
// `_delete_=True`. The Config and its nested dicts read as attributes (`cfg.runner.max_epochs`, `cfg.data.
// samples_per_gpu`). Not modelled: `{{_base_.x}}` text substitution and mmengine's `read_base()` imports.
const MM_CONFIG = `import os
import runpy
import yaml
import json
from _greenlight_attribute_dict import AttributeDict
from _greenlight_unknown import known as _known


class ConfigDict(AttributeDict):
    def __init__(self, d=None, **kwargs):
        super().__init__()
        self.update(d, **kwargs)

    def _node(self, value):
        if isinstance(value, dict) and not isinstance(value, ConfigDict):
            return ConfigDict(value)
        return value


def _merge(child, base):
    out = dict(base)
    for k, v in child.items():
        if isinstance(v, dict) and not v.get("_delete_", False) and isinstance(out.get(k), dict):
            out[k] = _merge(v, out[k])
        elif isinstance(v, dict) and "_delete_" in v:
            out[k] = {key: value for key, value in v.items() if key != "_delete_"}
        else:
            out[k] = v
    return out


def _read(filename):
    if filename.endswith(".py"):
        names = runpy.run_path(filename)
        if not _known(names):
            return names
        return {k: v for k, v in names.items() if not k.startswith("__") and type(v).__name__ not in ("module", "function")}
    with open(filename) as f:
        return json.load(f) if filename.endswith(".json") else yaml.safe_load(f)


def _file2dict(filename):
    own = _read(filename)
    if not _known(own):
        return own
    bases = own.pop("_base_", None)
    if bases is None:
        return own
    if isinstance(bases, str):
        bases = [bases]
    merged = {}
    for base in bases:
        found = _file2dict(os.path.join(os.path.dirname(filename), base))
        if not _known(found):
            return found
        merged.update(found)
    return _merge(own, merged)


class Config(ConfigDict):
    @staticmethod
    def fromfile(filename, use_predefined_variables=True, import_custom_modules=True, lazy_import=None):
        found = _file2dict(str(filename))
        if not _known(found):
            return found
        cfg = Config(found)
        dict.__setitem__(cfg, "filename", str(filename))
        return cfg

    def merge_from_dict(self, options, allow_list_keys=True):
        for key, value in (options or {}).items():
            node = self
            parts = key.split(".")
            for part in parts[:-1]:
                node = node[part]
            node[parts[-1]] = value

    def dump(self, file=None):
        return None

    @property
    def pretty_text(self):
        return ""
`;

// gin-config 0.5 (github.com/google/gin-config, docs/index.md): `parse_config_file(path)` (and
// `parse_config_files_and_bindings(files, bindings)`, `parse_config(text)`) keeps each `configurable.param = value`
// binding; a function or class marked `@gin.configurable` (or `@gin.configurable('name')`) takes a bound parameter
// the call does not pass. The decorator returns what it marks: the training plan reads `_bindings` where a marked
// function's parameter has no argument (gin-bindings.ts). Macros resolve after each parse, as gin resolves them late;
// a file the user must name (a flag with no default) leaves every binding undecided.
const GIN = `from _greenlight_gin import statements as _statements
from _greenlight_unknown import known as _known, chosen_by_user as _chosen_by_user

_bindings = {}
_macros = {}
_pending = {}
_undecided = []
REQUIRED = "__gin_required__"


def _resolve():
    for key, name in list(_pending.items()):
        if name in _macros:
            _bindings[key] = _macros[name]
            del _pending[key]


def _parse_text(text):
    for kind, key, value in _statements(text):
        if kind == "include":
            parse_config_file(key)
        elif kind == "bind":
            _bindings[key] = value
        elif kind == "bind_macro":
            _pending[key] = value
        elif kind == "define":
            _macros[key] = value
        elif kind == "define_macro" and value in _macros:
            _macros[key] = _macros[value]


def parse_config(bindings, skip_unknown=False):
    if isinstance(bindings, (list, tuple)):
        bindings = "\\n".join(bindings)
    if bindings:
        _parse_text(bindings)
    _resolve()


def parse_config_file(config_file, skip_unknown=False, print_includes_and_imports=False):
    with open(str(config_file)) as f:
        text = f.read()
    if not _known(text):
        if _chosen_by_user(text):
            _undecided.append(text)
        return None
    _parse_text(text)
    _resolve()


def parse_config_files_and_bindings(config_files, bindings, finalize_config=True, skip_unknown=False, print_includes_and_imports=False):
    if isinstance(config_files, str):
        config_files = [config_files]
    for config_file in config_files or []:
        parse_config_file(config_file)
    parse_config(bindings or [])


def configurable(name_or_fn=None, module=None, allowlist=None, denylist=None, whitelist=None, blacklist=None):
    if name_or_fn is None or isinstance(name_or_fn, str):
        return lambda fn: fn
    return name_or_fn


register = configurable


def external_configurable(fn_or_cls, name=None, module=None, **kwargs):
    return fn_or_cls


def constant(name, value):
    _macros[name] = value
    _resolve()


def bind_parameter(binding_key, value):
    _bindings[binding_key] = value


def query_parameter(binding_key):
    return _bindings[binding_key]


class config_scope:
    def __init__(self, name_or_scope):
        self.name = name_or_scope

    def __enter__(self):
        return self.name

    def __exit__(self, *args):
        return False


def _nothing(*args, **kwargs):
    return None


def operative_config_str(*args, **kwargs):
    return ""


config_str = operative_config_str
finalize = _nothing
add_config_file_search_path = _nothing
enter_interactive_mode = _nothing
exit_interactive_mode = _nothing
clear_config = _nothing
`;

/** Virtual files of the Python-config packages: path under site-packages → Python text. */
export const configFilePackages: [string, string][] = [
  ["ml_collections/config_flags/__init__.py", CONFIG_FLAGS],
  ["_greenlight_mm_config.py", MM_CONFIG],
  ["gin/__init__.py", GIN],
  ["gin/torch/__init__.py", ""],
  ["gin/tf/__init__.py", ""],
  ["mmcv/__init__.py", "from _greenlight_mm_config import Config, ConfigDict\n"],
  ["mmcv/utils/__init__.py", "from _greenlight_mm_config import Config, ConfigDict\n"],
  ["mmengine/__init__.py", "from _greenlight_mm_config import Config, ConfigDict\n"],
  ["mmengine/config/__init__.py", "from _greenlight_mm_config import Config, ConfigDict\n"],
];
