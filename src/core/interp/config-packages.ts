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

// tyro (brentyi.github.io/tyro): `tyro.cli(Args)` builds the dataclass (or calls the function) from the command
// line; the plain run, with no flags, gets every field's default.
const TYRO = `def cli(f, *args, **kwargs):
    return f()
`;

/** Virtual files of the built-in config packages: path under site-packages → Python text. */
export const configPackages: [string, string][] = [
  ["easydict/__init__.py", EASYDICT],
  ["tyro/__init__.py", TYRO],
];
