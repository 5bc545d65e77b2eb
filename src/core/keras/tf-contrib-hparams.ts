// TensorFlow 1.x's `tf.contrib.training.HParams`, the hyperparameter holder that TF1-era training code (and PyTorch
// code that kept its `hparams.py`, such as Tacotron 2 ports) builds its run from: `create_hparams()` returns
// `HParams(epochs=500, batch_size=64, fp16_run=False, ...)` and the loop reads `hparams.epochs`. Without it every
// figure read through it was unknown. Our own compact Python written from the documented API (TensorFlow 1.15,
// tensorflow/contrib/training/python/training/hparam.py: the keyword arguments become attributes; `parse("a=1,b=x")`
// overrides them, each value converted to the type the hyperparameter already has; `values()` is a dict of them);
// lists in `parse` strings are not modelled. An installed TensorFlow 1.x is not read: `tensorflow` is the catalogue's.

const HPARAMS = `def _convert(old, text):
    if isinstance(old, bool):
        return text.strip().lower() in ("true", "1")
    if isinstance(old, int):
        return int(text)
    if isinstance(old, float):
        return float(text)
    return text


class HParams(object):
    def __init__(self, hparam_def=None, model_structure=None, **kwargs):
        self._hparam_types = {}
        for name, value in kwargs.items():
            self.add_hparam(name, value)

    def add_hparam(self, name, value):
        self._hparam_types[name] = type(value)
        setattr(self, name, value)

    def set_hparam(self, name, value):
        setattr(self, name, value)

    def del_hparam(self, name):
        if name in self._hparam_types:
            del self._hparam_types[name]
            delattr(self, name)

    def parse(self, values):
        if not values:
            return self
        for part in values.split(","):
            if "=" not in part:
                continue
            name, text = part.split("=", 1)
            name = name.strip()
            self.set_hparam(name, _convert(getattr(self, name, None), text.strip()))
        return self

    def override_from_dict(self, values_dict):
        for name, value in values_dict.items():
            self.set_hparam(name, value)
        return self

    def values(self):
        return {name: getattr(self, name) for name in self._hparam_types}

    def get(self, key, default=None):
        if key in self._hparam_types:
            return getattr(self, key)
        return default

    def __contains__(self, key):
        return key in self._hparam_types
`;

/** Virtual files of `tensorflow.contrib.training` (path under site-packages → Python text). */
export const tfContribPackage: [string, string][] = [
  ["tensorflow/contrib/__init__.py", "from . import training\n"],
  ["tensorflow/contrib/training/__init__.py", HPARAMS],
];
