// timm's `create_scheduler(args, optimizer)`, that the training scripts copied from timm's train.py call for their
// run's length (`lr_scheduler, num_epochs = create_scheduler(args, optimizer)`, then `for epoch in range(start_epoch,
// num_epochs)`: T2T-ViT, PoolFormer and many more). Without timm installed the epochs stayed unknown or read as
// `args.epochs`, short of the cooldown. Our own compact Python written from timm's scheduler_factory (0.4 to 1.0):
// cycle schedulers (cosine, tanh, poly) run their cycles, `t_initial * sum(cycle_mul ** i)` epochs over
// `lr_cycle_limit` cycles, plus `cooldown_epochs` (and `warmup_epochs` when `warmup_prefix`, 0.9 and later); step,
// multistep and plateau run `epochs`. The scheduler it returns changes no figure: its methods do nothing here. An
// installed timm wins (a built-in package is the last root of module resolution).

const SCHEDULER = `import math


class _Scheduler:
    def __init__(self, optimizer, t_initial):
        self.optimizer = optimizer
        self.t_initial = t_initial

    def step(self, epoch, metric=None):
        pass

    def step_update(self, num_updates, metric=None):
        pass

    def state_dict(self):
        return {}

    def load_state_dict(self, state_dict):
        pass


def _cycle_length(t_initial, cycle_mul, cycles):
    if cycle_mul == 1:
        return t_initial * cycles
    return int(math.floor(-t_initial * (cycle_mul ** cycles - 1) / (1 - cycle_mul)))


def create_scheduler(args, optimizer, updates_per_epoch=0):
    num_epochs = getattr(args, "epochs", 100)
    sched = getattr(args, "sched", "cosine")
    if sched in ("cosine", "tanh", "poly"):
        cycles = getattr(args, "lr_cycle_limit", 1) or 1
        cycle_mul = getattr(args, "lr_cycle_mul", 1.0) or 1.0
        total = _cycle_length(num_epochs, cycle_mul, cycles) + (getattr(args, "cooldown_epochs", 0) or 0)
        if getattr(args, "warmup_prefix", False):
            total += getattr(args, "warmup_epochs", 0) or 0
        return _Scheduler(optimizer, num_epochs), total
    return _Scheduler(optimizer, num_epochs), num_epochs
`;

/** Virtual files of the built-in timm scheduler factory: path under site-packages → Python text. */
export const timmSchedulerPackage: [string, string][] = [
  ["timm/scheduler/__init__.py", "from timm.scheduler.scheduler_factory import create_scheduler\n"],
  ["timm/scheduler/scheduler_factory.py", SCHEDULER],
];
