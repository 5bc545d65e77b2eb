// Weights & Biases' run configuration, as a virtual package: scripts set their run in it (`config = wandb.config;
// config.epochs = 100`, `wandb.init(config={"batch_size": 64})`, a `config-defaults.yaml` beside the script) and
// read it back in fit(...). Without it wandb stayed unknown and every figure read through it was lost. Our own compact
// Python written from wandb's documented behaviour (docs.wandb.ai/guides/track/config, wandb 0.16): wandb.config is
// one attribute dict for the process, wandb.init() loads config-defaults.yaml (each key's `value`) from the working
// directory and then the `config` it is given (a dict or an argparse Namespace), and the Run it returns holds the
// same config. Logging and the Keras callbacks do nothing here. An installed copy wins (a built-in package is the
// last root of module resolution).
const WANDB = `import yaml
from _greenlight_attribute_dict import AttributeDict
from _greenlight_unknown import unknown as _unknown


class Config(AttributeDict):
    def __getattr__(self, name):
        if name in self:
            return self[name]
        return _unknown("wandb.config's '" + name + "', which the script neither sets nor finds in config-defaults.yaml")

    def setdefaults(self, d):
        for k, v in dict(d).items():
            if k not in self:
                self[k] = v


def _defaults(path):
    try:
        f = open(path)
    except OSError:
        return {}
    data = yaml.safe_load(f.read())
    values = {}
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "wandb_version":
                continue
            values[k] = v["value"] if isinstance(v, dict) and "value" in v else v
    return values


_config = Config()
config = _config


class Run:
    def __init__(self):
        self.config = _config

    def log(self, *args, **kwargs):
        return None

    def watch(self, *args, **kwargs):
        return None

    def finish(self, *args, **kwargs):
        return None


def init(*args, **kwargs):
    _config.update(_defaults("config-defaults.yaml"))
    given = kwargs.get("config")
    if given is not None:
        _config.update(given if isinstance(given, dict) else vars(given))
    return Run()


def log(*args, **kwargs):
    return None


def watch(*args, **kwargs):
    return None


def finish(*args, **kwargs):
    return None


def save(*args, **kwargs):
    return None
`;

// The Keras callbacks scripts pass to fit (wandb.keras and wandb.integration.keras): nothing the run's figures need.
const WANDB_KERAS = `class WandbCallback:
    def __init__(self, *args, **kwargs):
        pass


class WandbMetricsLogger(WandbCallback):
    pass


class WandbModelCheckpoint(WandbCallback):
    pass
`;

/** The wandb package's modelled modules, by path. */
export const wandbPackage: [string, string][] = [
  ["wandb/__init__.py", WANDB],
  ["wandb/keras/__init__.py", WANDB_KERAS],
  ["wandb/integration/__init__.py", ""],
  ["wandb/integration/keras/__init__.py", WANDB_KERAS],
];
