// Command-line parsers that build a dataclass config from its defaults, as virtual packages (an installed copy wins).
// pyrallis 0.3 (github.com/eladrich/pyrallis, README "My First Pyrallis Example", "Configuration From File"):
// `pyrallis.parse(config_class=TrainConfig, config_path=None)` returns `TrainConfig()` with a YAML file's values
// (when a path is given) and then the command line's over the defaults; the plain run gives no arguments, so the
// defaults and the file are the run's. `pyrallis.field(default=..., is_mutable=...)` is dataclasses.field.
// draccus 0.8 (github.com/dlwh/draccus, a fork of pyrallis) keeps the same `parse`, `wrap` and `field`.
// `@pyrallis.wrap()` / `@draccus.wrap()` on `main(cfg: TrainConfig)` call main with what `parse` gives for the
// parameter's annotated class: the stand-in's decorator keeps the function as written, and the training plan binds
// the parameter (training/dataclass-entry.ts), as it does a `@hydra.main` function's config.
const PARSER = `import dataclasses
import yaml


def _apply(target, values):
    for key, value in values.items():
        current = getattr(target, key, None)
        if isinstance(value, dict) and current is not None and not isinstance(current, (dict, int, float, str, bool, list, tuple)):
            _apply(current, value)
        else:
            setattr(target, key, value)


def _from_file(cfg, config_path):
    if config_path is None:
        return cfg
    try:
        f = open(config_path)
    except OSError:
        return cfg
    values = yaml.safe_load(f)
    if isinstance(values, dict):
        _apply(cfg, values)
    return cfg


def parse(config_class, config_path=None, args=None, **kwargs):
    return _from_file(config_class(), config_path)


def wrap(config_path=None, **kwargs):
    def decorator(fn):
        return fn
    return decorator


def field(*args, default=dataclasses.MISSING, default_factory=dataclasses.MISSING, is_mutable=False, **kwargs):
    if default_factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=default_factory)
    if default is not dataclasses.MISSING:
        return dataclasses.field(default=default)
    if args:
        return dataclasses.field(default=args[0])
    return dataclasses.field()


def dump(cfg, stream=None, **kwargs):
    return None


def encode(cfg, **kwargs):
    return {}
`;

/** Virtual files of pyrallis' and draccus' stand-ins: path under site-packages → Python text. */
export const dataclassCliPackages: [string, string][] = [
  ["pyrallis/__init__.py", PARSER],
  ["draccus/__init__.py", PARSER],
];
