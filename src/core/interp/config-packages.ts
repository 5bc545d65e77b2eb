// Config containers training scripts build their run from, as virtual packages: without them in the workspace or
// the environment, `from easydict import EasyDict` stayed unknown and every figure read through it (`Cfg.batch = 64`,
// `cfg.TRAIN_EPOCHS`) was lost. Our own compact Python written from the packages' documented behaviour; an installed
// copy wins (they are built-in packages, the last root of module resolution).

// What EasyDict and ml_collections' ConfigDict share: a dict whose items read and write as attributes, each value
// stored as the subclass's `_node` makes it (nested dicts become the subclass), updated from dicts and keywords.
const ATTRIBUTE_DICT = `class AttributeDict(dict):
    def _node(self, value):
        return value

    def __setitem__(self, name, value):
        super().__setitem__(name, self._node(value))

    def __setattr__(self, name, value):
        self[name] = value

    def __getattr__(self, name):
        if name in self:
            return self[name]
        raise AttributeError(name)

    def update(self, *other, **kwargs):
        for d in other:
            if d is not None:
                for k, v in dict(d).items():
                    self[k] = v
        for k, v in kwargs.items():
            self[k] = v
`;

// easydict 1.13 (pypi.org/project/easydict): a dict whose items read and write as attributes, its nested dicts made
// EasyDicts, built from a dict and/or keywords.
const EASYDICT = `from _greenlight_attribute_dict import AttributeDict


class EasyDict(AttributeDict):
    def __init__(self, d=None, **kwargs):
        super().__init__()
        self.update(d, **kwargs)

    def _node(self, value):
        if isinstance(value, dict) and not isinstance(value, EasyDict):
            return EasyDict(value)
        return value
`;
// munch 4.0 (pypi.org/project/munch, README): a Munch is a dict whose items read and write as attributes;
// `munchify(d)` and `Munch.fromDict(d)` make every nested dict (in lists and tuples too) a Munch, as scripts load a
// YAML config (`DefaultMunch.fromDict(yaml.safe_load(f))`, then `config.algo.batch_size`). A DefaultMunch answers a
// missing attribute with its default (None unless given) instead of raising.
const MUNCH = `from _greenlight_attribute_dict import AttributeDict


def _convert(x, factory):
    if isinstance(x, dict):
        return factory({k: _convert(v, factory) for k, v in x.items()})
    if isinstance(x, list):
        return [_convert(v, factory) for v in x]
    if isinstance(x, tuple):
        return tuple(_convert(v, factory) for v in x)
    return x


class Munch(AttributeDict):
    def __init__(self, *args, **kwargs):
        super().__init__()
        self.update(*args, **kwargs)

    @classmethod
    def fromDict(cls, d):
        return _convert(d, cls)

    def toDict(self):
        return unmunchify(self)


class DefaultMunch(Munch):
    def __init__(self, *args, **kwargs):
        default = args[0] if args and not isinstance(args[0], dict) else None
        rest = args[1:] if args and not isinstance(args[0], dict) else args
        super().__init__(*rest, **kwargs)
        dict.__setattr__(self, "_default", default)

    def __getattr__(self, name):
        if name in self:
            return self[name]
        return None

    @classmethod
    def fromDict(cls, d, default=None):
        return _convert(d, cls)


def munchify(x, factory=Munch):
    return _convert(x, factory)


def unmunchify(x):
    if isinstance(x, dict):
        return {k: unmunchify(v) for k, v in x.items()}
    if isinstance(x, list):
        return [unmunchify(v) for v in x]
    return x
`;

// yacs 0.1.8 (github.com/rbgirshick/yacs, README and yacs/config.py's documented API): a CfgNode is a dict whose
// items read and write as attributes; merge_from_file reads a YAML file over the defaults, nested nodes merged key
// by key, and merge_from_list sets dotted keys from pairs. Our model keeps keys a file adds and skips the type
// coercion, which a run's figures do not depend on. A file the user must name (a required argument's, one at an empty
// default path) may set any key, so every value of the node becomes that unknown: the defaults are not the run's once
// the file is merged over them. A named file the workspace lacks leaves the defaults (config-notes.ts says so).
const YACS = `import yaml
from _greenlight_unknown import known as _known, chosen_by_user as _chosen_by_user


def _undecided(node, why):
    for k, v in node.items():
        if isinstance(v, CfgNode):
            _undecided(v, why)
        else:
            dict.__setitem__(node, k, why)


def _node(v):
    if isinstance(v, dict) and not isinstance(v, CfgNode):
        return CfgNode(v)
    return v


def _merge_into(a, b):
    for k, v in a.items():
        if isinstance(v, dict) and k in b and isinstance(b[k], dict):
            _merge_into(v, b[k])
        else:
            b[k] = _node(v)


class CfgNode(dict):
    def __init__(self, init_dict=None, key_list=None, new_allowed=False):
        super().__init__()
        if init_dict is not None:
            for k, v in dict(init_dict).items():
                self[k] = _node(v)

    def __getattr__(self, name):
        if name in self:
            return self[name]
        raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value

    @classmethod
    def load_cfg(cls, cfg_file_obj_or_str):
        return cls(yaml.safe_load(cfg_file_obj_or_str))

    def merge_from_file(self, cfg_filename):
        f = open(cfg_filename, "r")
        loaded = yaml.safe_load(f)
        if _chosen_by_user(loaded):
            _undecided(self, loaded)
            return
        if not _known(loaded):
            return
        _merge_into(CfgNode(loaded), self)

    def merge_from_other_cfg(self, cfg_other):
        _merge_into(cfg_other, self)

    def merge_from_list(self, cfg_list):
        if not cfg_list:
            return
        for i in range(0, len(cfg_list) - 1, 2):
            keys = cfg_list[i].split(".")
            d = self
            for sub in keys[:-1]:
                d = d[sub]
            d[keys[-1]] = cfg_list[i + 1]

    def clone(self):
        out = CfgNode()
        for k, v in self.items():
            out[k] = v.clone() if isinstance(v, CfgNode) else v
        return out

    def freeze(self):
        pass

    def defrost(self):
        pass

    def is_frozen(self):
        return False

    def set_new_allowed(self, is_new_allowed):
        pass

    def dump(self, **kwargs):
        return str(dict(self))


CN = CfgNode
load_cfg = CfgNode.load_cfg
`;

// tyro (brentyi.github.io/tyro): `tyro.cli(Args)` builds the dataclass (or calls the function) from the command
// line; the plain run, with no flags, gets every field's default.
const TYRO = `def cli(f, *args, **kwargs):
    return f()
`;

// ConfigArgParse 1.7 (github.com/bw2/ConfigArgParse, README): an argparse.ArgumentParser whose options may also come
// from config files: `default_config_files=[...]` are read when they exist, and an option added with
// `is_config_file=True` names one more on the command line (the plain run gives none). Values from a file override the
// defaults and are converted as the command line's would be; the README's default format is `key = value`,
// `key: value` or `key value` lines, `#` comments, `[section]` headers ignored. `p.add` is `add_argument`.
const CONFIGARGPARSE = `import argparse
from argparse import Namespace, Action, SUPPRESS, ArgumentTypeError, FileType, HelpFormatter, RawTextHelpFormatter, ArgumentDefaultsHelpFormatter

_PARSER_KEYWORDS = ("default_config_files", "config_file_parser_class", "args_for_setting_config_path", "config_arg_is_required", "config_arg_help_message", "args_for_writing_out_config_file", "write_out_config_file_arg_help_message", "ignore_unknown_config_file_keys", "auto_env_var_prefix")
_OPTION_KEYWORDS = ("is_config_file_arg", "is_config_file", "is_write_out_config_file_arg", "env_var")


def _convert(old, text):
    if isinstance(old, bool):
        return text.strip().lower() in ("true", "yes", "1", "on")
    if isinstance(old, int):
        return int(text)
    if isinstance(old, float):
        return float(text)
    return text


def _config_items(path):
    items = []
    try:
        f = open(path)
    except OSError:
        return items
    for raw in f.read().split("\n"):
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith(";") or line.startswith("["):
            continue
        for sep in ("=", ":", " "):
            if sep in line:
                key, value = line.split(sep, 1)
                items.append((key.strip().lstrip("-").replace("-", "_"), value.strip()))
                break
    return items


class ArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        self._default_config_files = kwargs.get("default_config_files") or []
        for key in _PARSER_KEYWORDS:
            if key in kwargs:
                kwargs.pop(key)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args, **kwargs):
        for key in _OPTION_KEYWORDS:
            if key in kwargs:
                kwargs.pop(key)
        return super().add_argument(*args, **kwargs)

    add = add_argument

    def parse_args(self, args=None, namespace=None):
        parsed = super().parse_args()
        for path in self._default_config_files:
            for key, value in _config_items(path):
                if hasattr(parsed, key):
                    setattr(parsed, key, _convert(getattr(parsed, key), value))
        return parsed

    def parse_known_args(self, args=None, namespace=None):
        return self.parse_args(), []


ArgParser = ArgumentParser
Parser = ArgumentParser


def get_argument_parser(name=None, **kwargs):
    return ArgumentParser(**kwargs)


getArgumentParser = get_argument_parser
getArgParser = get_argument_parser
getParser = get_argument_parser
`;

// ml_collections 0.1 (github.com/google/ml_collections, README "ConfigDict"): a dict whose fields read and write as
// attributes and items, nested dicts made ConfigDicts, as research code's `config.py` files build the model and run
// (`config = ml_collections.ConfigDict(); config.transformer = ml_collections.ConfigDict(); config.hidden_size = 768`).
// FrozenConfigDict is read-only, and `placeholder(type)` a field of that type holding None. `get_ref` returns the
// field's current value, not a lazy FieldReference: a value changed after the reference is taken is not followed.
const ML_COLLECTIONS = `from ml_collections.config_dict import ConfigDict, FrozenConfigDict, FieldReference
`;

const ML_COLLECTIONS_CONFIG_DICT = `from _greenlight_attribute_dict import AttributeDict


class FieldReference(object):
    def __init__(self, default, field_type=None, op=None, required=False):
        self._value = default

    def get(self):
        return self._value

    def set(self, value):
        self._value = value


class ConfigDict(AttributeDict):
    def __init__(self, initial_dictionary=None, type_safe=True, convert_dict=True, allow_dotted_keys=False, sort_keys=True):
        super().__init__()
        self.update(initial_dictionary)

    def _node(self, value):
        if isinstance(value, FieldReference):
            value = value.get()
        if isinstance(value, dict) and not isinstance(value, ConfigDict):
            return ConfigDict(value)
        return value

    def get_ref(self, key):
        return self[key]

    def lock(self):
        return self

    def unlock(self):
        return self

    def ignore_type(self):
        return self

    def to_dict(self, visit_map=None):
        return {k: (v.to_dict() if isinstance(v, ConfigDict) else v) for k, v in self.items()}

    def copy_and_resolve_references(self, visit_map=None):
        out = ConfigDict()
        for k, v in self.items():
            out[k] = v.copy_and_resolve_references() if isinstance(v, ConfigDict) else v
        return out

    def unlocked(self):
        return _Unlocked(self)


class _Unlocked(object):
    def __init__(self, config):
        self.config = config

    def __enter__(self):
        return self.config

    def __exit__(self, *args):
        return False


class FrozenConfigDict(ConfigDict):
    pass


def placeholder(field_type, required=False):
    return None


def required_placeholder(field_type):
    return None


def create(**kwargs):
    return ConfigDict(kwargs)
`;

// python-dotenv 1.0 (pypi.org/project/python-dotenv, README): `load_dotenv()` reads `KEY=VALUE` lines of a `.env` file
// (the working folder's when no path is given; `export ` prefixes, quotes and `#` comments allowed) into os.environ,
// without overriding variables already set unless `override=True`; `dotenv_values()` returns them as a dict. A missing
// file is no error (load_dotenv returns False).
const DOTENV = `import os


def _parse(path):
    values = {}
    try:
        f = open(path)
    except OSError:
        return None
    for raw in f.read().split("\n"):
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        if line.startswith("export "):
            line = line[len("export "):]
        key, value = line.split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in ("'", '"'):
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].strip()
        values[key.strip()] = value
    return values


def find_dotenv(filename=".env", raise_error_if_not_found=False, usecwd=False):
    return filename


def dotenv_values(dotenv_path=None, stream=None, verbose=False, interpolate=True, encoding="utf-8"):
    values = _parse(dotenv_path or ".env")
    return values if values is not None else {}


def load_dotenv(dotenv_path=None, stream=None, verbose=False, override=False, interpolate=True, encoding="utf-8"):
    values = _parse(dotenv_path or ".env")
    if values is None:
        return False
    for key, value in values.items():
        if override or key not in os.environ:
            os.environ[key] = value
    return True
`;

/** Virtual files of the built-in config packages: path under site-packages → Python text. */
// absl-py 2.1 (abseil.io/docs/python/guides/flags, absl/flags/_defines.py): `flags.DEFINE_integer(name, default, help)`
// and its kin make `FLAGS.name` hold the default until the command line is parsed (the plain run parses none);
// DEFINE_list splits a comma-separated default; the multi_ kinds hold a list. `app.run(main)` calls main with argv.
const ABSL_FLAGS = `_values = {}


class FlagValues:
    def __getattr__(self, name):
        if name in _values:
            return _values[name]
        raise AttributeError(name)

    def __setattr__(self, name, value):
        _values[name] = value

    def __contains__(self, name):
        return name in _values

    def __call__(self, argv):
        return argv

    def flag_values_dict(self):
        return dict(_values)


FLAGS = FlagValues()


class FlagHolder:
    def __init__(self, name):
        self.name = name

    @property
    def value(self):
        return _values[self.name]


def _define(name, default, *args, **kwargs):
    _values[name] = default
    return FlagHolder(name)


DEFINE_integer = _define
DEFINE_float = _define
DEFINE_string = _define
DEFINE_bool = _define
DEFINE_boolean = _define


def DEFINE_enum(name, default, enum_values, *args, **kwargs):
    return _define(name, default)


def DEFINE_list(name, default, *args, **kwargs):
    if isinstance(default, str):
        default = [part.strip() for part in default.split(",") if part.strip()]
    return _define(name, default)


def _define_multi(name, default, *args, **kwargs):
    if default is not None and not isinstance(default, (list, tuple)):
        default = [default]
    return _define(name, None if default is None else list(default))


DEFINE_multi_integer = _define_multi
DEFINE_multi_float = _define_multi
DEFINE_multi_string = _define_multi


def DEFINE_multi_enum(name, default, enum_values, *args, **kwargs):
    return _define_multi(name, default)


def mark_flag_as_required(*args, **kwargs):
    pass


def mark_flags_as_required(*args, **kwargs):
    pass
`;

const ABSL_APP = `def run(main, argv=None, **kwargs):
    return main(argv if argv is not None else ["script.py"])
`;

const ABSL_LOGGING = `def _quiet(*args, **kwargs):
    pass


info = _quiet
warning = _quiet
error = _quiet
debug = _quiet
set_verbosity = _quiet
INFO = 0
WARNING = 1
ERROR = 2
`;

export const configPackages: [string, string][] = [
  ["_greenlight_attribute_dict.py", ATTRIBUTE_DICT],
  ["absl/__init__.py", ""],
  ["absl/flags/__init__.py", ABSL_FLAGS],
  ["absl/app.py", ABSL_APP],
  ["absl/logging/__init__.py", ABSL_LOGGING],
  ["configargparse.py", CONFIGARGPARSE],
  ["dotenv/__init__.py", DOTENV],
  ["ml_collections/__init__.py", ML_COLLECTIONS],
  ["munch/__init__.py", MUNCH],
  ["ml_collections/config_dict/__init__.py", ML_COLLECTIONS_CONFIG_DICT],
  ["easydict/__init__.py", EASYDICT],
  ["tyro/__init__.py", TYRO],
  ["yacs/__init__.py", ""],
  ["yacs/config.py", YACS],
];
