// jsonargparse 4.x (jsonargparse.readthedocs.io, "Parsers" and "Configuration files"): an argparse.ArgumentParser
// whose defaults may come from YAML files: `default_config_files=[...]` are read when they exist (later ones win), and
// an option with `action=ActionConfigFile` (`--config`) names one more on the command line, which the plain run does
// not give. A file's top-level keys set the options of the same name. `CLI(fn)` / `CLI(Class)` run what the command
// line chooses; the training plan reads a function's keyword defaults itself, so the stand-in calls nothing.
const JSONARGPARSE = `import argparse
import yaml
from argparse import Namespace, SUPPRESS


class ActionConfigFile(argparse.Action):
    pass


class ActionYesNo(argparse.Action):
    pass


class ArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, default_config_files=None, env_prefix=None, default_env=False, parser_mode="yaml", exit_on_error=True, **kwargs):
        self._default_config_files = list(default_config_files or [])
        super().__init__(*args, **kwargs)

    def add_argument(self, *args, **kwargs):
        if kwargs.get("action") is ActionConfigFile:
            return None
        if kwargs.get("action") is ActionYesNo:
            kwargs["action"] = "store_true"
        return super().add_argument(*args, **kwargs)

    def parse_args(self, args=None, namespace=None, env=None, defaults=True, with_meta=None, **kwargs):
        parsed = super().parse_args()
        for path in self._default_config_files:
            try:
                f = open(path)
            except OSError:
                continue
            values = yaml.safe_load(f)
            if isinstance(values, dict):
                for key, value in values.items():
                    name = key.replace("-", "_")
                    if hasattr(parsed, name):
                        setattr(parsed, name, value)
        return parsed


def CLI(components=None, args=None, **kwargs):
    return None


auto_cli = CLI
`;

/** Virtual files of jsonargparse's stand-in: path under site-packages → Python text. */
export const jsonargparsePackage: [string, string][] = [["jsonargparse/__init__.py", JSONARGPARSE]];
