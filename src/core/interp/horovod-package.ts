// Horovod (0.28, horovod.readthedocs.io/en/stable/api.html) as a plain `python train.py` runs it: one process, so
// `hvd.size()` is 1 and `hvd.rank()`/`hvd.local_rank()` are 0. Scripts scale their run by these (`epochs =
// ceil(12 / hvd.size())`, `steps_per_epoch=500 // hvd.size()`, `lr * hvd.size()`); without them every such figure was
// unknown. The wrappers give back what they wrap (a one-process allreduce averages over itself), so the optimizer,
// the tape and the tensors keep what the analyzer reads of them. Only the names the API documents for each framework
// are modelled; a run under `horovodrun -np N` is N of these processes, which the CLI's device options describe.

const COMMON = `def init(*args, **kwargs):
    return None


def shutdown():
    return None


def is_initialized():
    return True


def size():
    return 1


def local_size():
    return 1


def cross_size():
    return 1


def rank():
    return 0


def local_rank():
    return 0


def cross_rank():
    return 0


def is_homogeneous():
    return True


def mpi_threads_supported():
    return False


def mpi_enabled():
    return False


def gloo_enabled():
    return True


def nccl_built():
    return False


def allreduce(tensor, *args, **kwargs):
    return tensor


def grouped_allreduce(tensors, *args, **kwargs):
    return tensors


def allgather(tensor, *args, **kwargs):
    return tensor


def broadcast(tensor, root_rank=0, *args, **kwargs):
    return tensor


def alltoall(tensor, *args, **kwargs):
    return tensor


def broadcast_object(obj, root_rank=0, *args, **kwargs):
    return obj


def allgather_object(obj, *args, **kwargs):
    return [obj]


def join(*args, **kwargs):
    return 0


class Compression:
    none = None
    fp16 = None


Average = "Average"
Sum = "Sum"
Adasum = "Adasum"
`;

// horovod.tensorflow: TF 1.x hooks and TF 2.x tape, besides the optimizer.
const TENSORFLOW = `from horovod._greenlight_common import *


def DistributedOptimizer(optimizer, *args, **kwargs):
    return optimizer


def DistributedGradientTape(gradtape, *args, **kwargs):
    return gradtape


def broadcast_variables(variables, root_rank=0, *args, **kwargs):
    return None


def broadcast_global_variables(root_rank=0):
    return None


class BroadcastGlobalVariablesHook:
    def __init__(self, root_rank=0, device=""):
        self.root_rank = root_rank
`;

// horovod.keras and horovod.tensorflow.keras: the optimizer, variable broadcasts and the callbacks module.
const KERAS = `from horovod._greenlight_common import *
from . import callbacks


def DistributedOptimizer(optimizer, *args, **kwargs):
    return optimizer


def broadcast_global_variables(root_rank=0):
    return None


def load_model(filepath, custom_optimizers=None, custom_objects=None, compression=None):
    import tensorflow as tf
    return tf.keras.models.load_model(filepath, custom_objects=custom_objects)
`;

const KERAS_CALLBACKS = `class BroadcastGlobalVariablesCallback:
    def __init__(self, root_rank=0, device=""):
        self.root_rank = root_rank


class MetricAverageCallback:
    def __init__(self, device=""):
        pass


class LearningRateScheduleCallback:
    def __init__(self, initial_lr=None, multiplier=None, start_epoch=0, end_epoch=None, staircase=True, momentum_correction=True, steps_per_epoch=None, *args, **kwargs):
        self.initial_lr = initial_lr


class LearningRateWarmupCallback:
    def __init__(self, initial_lr=None, warmup_epochs=5, momentum_correction=True, steps_per_epoch=None, verbose=0, *args, **kwargs):
        self.initial_lr = initial_lr
        self.warmup_epochs = warmup_epochs


class BestModelCheckpoint:
    def __init__(self, *args, **kwargs):
        pass
`;

// horovod.torch: the optimizer wraps the model's, and broadcasts are in place.
const TORCH = `from horovod._greenlight_common import *


def DistributedOptimizer(optimizer, *args, **kwargs):
    return optimizer


def broadcast_parameters(params, root_rank=0, *args, **kwargs):
    return None


def broadcast_optimizer_state(optimizer, root_rank=0, *args, **kwargs):
    return None


def allreduce_(tensor, *args, **kwargs):
    return tensor


def broadcast_(tensor, root_rank=0, *args, **kwargs):
    return tensor
`;

/** The Horovod stand-in, as package files the import path finds before an installed Horovod. */
export const horovodPackage: [string, string][] = [
  ["horovod/__init__.py", ""],
  ["horovod/_greenlight_common.py", COMMON],
  ["horovod/tensorflow/__init__.py", TENSORFLOW],
  ["horovod/tensorflow/keras/__init__.py", KERAS],
  ["horovod/tensorflow/keras/callbacks.py", KERAS_CALLBACKS],
  ["horovod/keras/__init__.py", KERAS],
  ["horovod/keras/callbacks.py", KERAS_CALLBACKS],
  ["horovod/torch/__init__.py", TORCH],
];
