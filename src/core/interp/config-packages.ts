// Config containers training scripts build their run from, as virtual packages: without them in the workspace or
// the environment, `from easydict import EasyDict` stayed unknown and every figure read through it (`Cfg.batch = 64`,
// `cfg.TRAIN_EPOCHS`) was lost. Our own compact Python written from the packages' documented behaviour; an installed
// copy wins (they are built-in packages, the last root of module resolution).

// easydict 1.13 (pypi.org/project/easydict): a dict whose items read and write as attributes, its nested dicts made
// EasyDicts, built from a dict and/or keywords.
const EASYDICT = `class EasyDict(dict):
    def __init__(self, d=None, **kwargs):
        super().__init__()
        if d is not None:
            for k, v in dict(d).items():
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def __setitem__(self, name, value):
        if isinstance(value, dict) and not isinstance(value, EasyDict):
            value = EasyDict(value)
        super().__setitem__(name, value)

    def __setattr__(self, name, value):
        self[name] = value

    def __getattr__(self, name):
        if name in self:
            return self[name]
        raise AttributeError(name)

    def update(self, e=None, **f):
        if e is not None:
            for k, v in dict(e).items():
                self[k] = v
        for k, v in f.items():
            self[k] = v
`;

// yacs 0.1.8 (github.com/rbgirshick/yacs, README and yacs/config.py's documented API): a CfgNode is a dict whose
// items read and write as attributes; merge_from_file reads a YAML file over the defaults, nested nodes merged key
// by key, and merge_from_list sets dotted keys from pairs. Our model keeps keys a file adds and skips the type
// coercion, which a run's figures do not depend on.
const YACS = `import yaml


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
        with open(cfg_filename, "r") as f:
            other = self.load_cfg(f)
        _merge_into(other, self)

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

/** Virtual files of the built-in config packages: path under site-packages → Python text. */
export const configPackages: [string, string][] = [
  ["easydict/__init__.py", EASYDICT],
  ["tyro/__init__.py", TYRO],
  ["yacs/__init__.py", ""],
  ["yacs/config.py", YACS],
];
