import { OPTIONAL_STAND_IN_LINE } from "./module-resolver";

// Libraries whose set-up call gives back the model and optimizer it is handed, as virtual packages: a training script
// writes `model, optimizer = amp.initialize(model, optimizer, opt_level="O1")` or `model, optimizer, loader =
// accelerator.prepare(model, optimizer, loader)` and then calls `model(x)`. With the library absent the call was
// unknown, so the name `model` no longer held the network: the step's input (`x = torch.randn(64, 1024)`) was never
// seen and the run fell back to the input's batch 1. Our own compact Python written from each library's documented
// return value; everything else stays unknown, and an installed copy wins (a built-in package is the last root of
// module resolution). Either library is seldom installed where a script is read, so an import the script guards with
// `try` and importlib's availability checks find it absent (OPTIONAL_STAND_IN_LINE), as before:
// - NVIDIA Apex 0.1, apex.amp.initialize (nvidia.github.io/apex/amp.html): "Returns: Model(s) and optimizer(s)
//   modified according to the opt_level", the model alone when no optimizer is given; amp.scale_loss is a context
//   manager yielding the scaled loss; apex.parallel.DistributedDataParallel wraps the module it is given, whose
//   forward it runs, and convert_syncbn_model returns the module.
// - Hugging Face Accelerate 1.x, Accelerator.prepare (huggingface.co/docs/accelerate/package_reference/accelerator):
//   "Prepare all objects passed in args ... will return them in the same order"; one object comes back alone.
//   prepare_model/prepare_optimizer/prepare_data_loader/prepare_scheduler and unwrap_model return their first argument.
const UNKNOWN_ATTRIBUTE = `    def __getattr__(self, name):
        return _unknown(self._library + "'s " + name + " is not modelled")
`;

const APEX_AMP = `${OPTIONAL_STAND_IN_LINE}


def initialize(models, optimizers=None, *args, **kwargs):
    if optimizers is None:
        return models
    return models, optimizers


class _ScaledLoss:
    def __init__(self, loss):
        self._loss = loss

    def __enter__(self):
        return self._loss

    def __exit__(self, *exc):
        return False


def scale_loss(loss, optimizers, *args, **kwargs):
    return _ScaledLoss(loss)
`;

const APEX_PARALLEL = `${OPTIONAL_STAND_IN_LINE}


def DistributedDataParallel(module, *args, **kwargs):
    return module


def convert_syncbn_model(module, *args, **kwargs):
    return module
`;

const ACCELERATE = `${OPTIONAL_STAND_IN_LINE}
from _greenlight_unknown import unknown as _unknown


class Accelerator:
    _library = "accelerate.Accelerator"

    def __init__(self, *args, **kwargs):
        pass

    def prepare(self, *args, **kwargs):
        if len(args) == 1:
            return args[0]
        return tuple(args)

    def prepare_model(self, model, *args, **kwargs):
        return model

    def prepare_optimizer(self, optimizer, *args, **kwargs):
        return optimizer

    def prepare_data_loader(self, data_loader, *args, **kwargs):
        return data_loader

    def prepare_scheduler(self, scheduler, *args, **kwargs):
        return scheduler

    def unwrap_model(self, model, *args, **kwargs):
        return model

${UNKNOWN_ATTRIBUTE}`;

/** Apex's amp and parallel wrappers and Accelerate's Accelerator, as package files found after an installed copy. */
export const preparingWrappersPackage: [string, string][] = [
  ["apex/__init__.py", `${OPTIONAL_STAND_IN_LINE}\n`],
  ["apex/amp/__init__.py", APEX_AMP],
  ["apex/parallel/__init__.py", APEX_PARALLEL],
  ["accelerate/__init__.py", ACCELERATE],
];
