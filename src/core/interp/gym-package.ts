// Gym and Gymnasium environments as their spaces: reinforcement-learning scripts size their networks from the
// environment (`state_dim = env.observation_space.shape[0]`, `n_actions = env.action_space.n`), so without the
// spaces every such model had no layers to count. The spaces below are those the Gymnasium 0.29 documentation gives
// for each environment (gymnasium.farama.org/environments/{classic_control,box2d,mujoco,toy_text}/, "Observation
// Space" and "Action Space"; `max_episode_steps` from each page's "Version History"/registration), and gym 0.21-0.26
// registers the same ids with the same spaces. Only spaces are modelled: reset() and step() give unknown observations,
// as the simulation is not run. Atari ids are left out: their wrappers (frame stacking, resizing) change the shapes.

/** A space: `box` of a shape (floats), or `discrete` of n values. */
type Space = { box: number[] } | { discrete: number };

interface Environment {
  observation: Space;
  action: Space;
  maxEpisodeSteps?: number;
  /** False for environments whose episodes end only at their time limit ("Episode End" on the environment's page:
   *  Pendulum, HalfCheetah, Swimmer, Reacher truncate and never terminate); episode loops then run maxEpisodeSteps. */
  terminates?: false;
}

/** Environment ids (any version suffix listed) → spaces. */
export const GYM_ENVIRONMENTS: Record<string, Environment> = {
  // classic control
  "CartPole-v0": { observation: { box: [4] }, action: { discrete: 2 }, maxEpisodeSteps: 200 },
  "CartPole-v1": { observation: { box: [4] }, action: { discrete: 2 }, maxEpisodeSteps: 500 },
  "MountainCar-v0": { observation: { box: [2] }, action: { discrete: 3 }, maxEpisodeSteps: 200 },
  "MountainCarContinuous-v0": { observation: { box: [2] }, action: { box: [1] }, maxEpisodeSteps: 999 },
  "Pendulum-v0": { observation: { box: [3] }, action: { box: [1] }, maxEpisodeSteps: 200, terminates: false },
  "Pendulum-v1": { observation: { box: [3] }, action: { box: [1] }, maxEpisodeSteps: 200, terminates: false },
  "Acrobot-v1": { observation: { box: [6] }, action: { discrete: 3 }, maxEpisodeSteps: 500 },
  // Box2D
  "LunarLander-v2": { observation: { box: [8] }, action: { discrete: 4 }, maxEpisodeSteps: 1000 },
  "LunarLanderContinuous-v2": { observation: { box: [8] }, action: { box: [2] }, maxEpisodeSteps: 1000 },
  "BipedalWalker-v2": { observation: { box: [24] }, action: { box: [4] }, maxEpisodeSteps: 1600 },
  "BipedalWalker-v3": { observation: { box: [24] }, action: { box: [4] }, maxEpisodeSteps: 1600 },
  "BipedalWalkerHardcore-v3": { observation: { box: [24] }, action: { box: [4] }, maxEpisodeSteps: 2000 },
  "CarRacing-v0": { observation: { box: [96, 96, 3] }, action: { box: [3] }, maxEpisodeSteps: 1000 },
  "CarRacing-v2": { observation: { box: [96, 96, 3] }, action: { box: [3] }, maxEpisodeSteps: 1000 },
  // MuJoCo (v2/v3/v4 share these spaces except Ant, whose v4 leaves out the contact forces by default)
  "HalfCheetah-v2": { observation: { box: [17] }, action: { box: [6] }, maxEpisodeSteps: 1000, terminates: false },
  "HalfCheetah-v3": { observation: { box: [17] }, action: { box: [6] }, maxEpisodeSteps: 1000, terminates: false },
  "HalfCheetah-v4": { observation: { box: [17] }, action: { box: [6] }, maxEpisodeSteps: 1000, terminates: false },
  "Hopper-v2": { observation: { box: [11] }, action: { box: [3] }, maxEpisodeSteps: 1000 },
  "Hopper-v3": { observation: { box: [11] }, action: { box: [3] }, maxEpisodeSteps: 1000 },
  "Hopper-v4": { observation: { box: [11] }, action: { box: [3] }, maxEpisodeSteps: 1000 },
  "Walker2d-v2": { observation: { box: [17] }, action: { box: [6] }, maxEpisodeSteps: 1000 },
  "Walker2d-v3": { observation: { box: [17] }, action: { box: [6] }, maxEpisodeSteps: 1000 },
  "Walker2d-v4": { observation: { box: [17] }, action: { box: [6] }, maxEpisodeSteps: 1000 },
  "Ant-v2": { observation: { box: [111] }, action: { box: [8] }, maxEpisodeSteps: 1000 },
  "Ant-v3": { observation: { box: [111] }, action: { box: [8] }, maxEpisodeSteps: 1000 },
  "Ant-v4": { observation: { box: [27] }, action: { box: [8] }, maxEpisodeSteps: 1000 },
  "Humanoid-v2": { observation: { box: [376] }, action: { box: [17] }, maxEpisodeSteps: 1000 },
  "Humanoid-v3": { observation: { box: [376] }, action: { box: [17] }, maxEpisodeSteps: 1000 },
  "Humanoid-v4": { observation: { box: [376] }, action: { box: [17] }, maxEpisodeSteps: 1000 },
  "Swimmer-v2": { observation: { box: [8] }, action: { box: [2] }, maxEpisodeSteps: 1000, terminates: false },
  "Swimmer-v3": { observation: { box: [8] }, action: { box: [2] }, maxEpisodeSteps: 1000, terminates: false },
  "Swimmer-v4": { observation: { box: [8] }, action: { box: [2] }, maxEpisodeSteps: 1000, terminates: false },
  "Reacher-v2": { observation: { box: [11] }, action: { box: [2] }, maxEpisodeSteps: 50, terminates: false },
  "Reacher-v4": { observation: { box: [11] }, action: { box: [2] }, maxEpisodeSteps: 50, terminates: false },
  "InvertedPendulum-v2": { observation: { box: [4] }, action: { box: [1] }, maxEpisodeSteps: 1000 },
  "InvertedPendulum-v4": { observation: { box: [4] }, action: { box: [1] }, maxEpisodeSteps: 1000 },
  "InvertedDoublePendulum-v2": { observation: { box: [11] }, action: { box: [1] }, maxEpisodeSteps: 1000 },
  "InvertedDoublePendulum-v4": { observation: { box: [11] }, action: { box: [1] }, maxEpisodeSteps: 1000 },
  // toy text
  "FrozenLake-v1": { observation: { discrete: 16 }, action: { discrete: 4 }, maxEpisodeSteps: 100 },
  "Taxi-v3": { observation: { discrete: 500 }, action: { discrete: 6 }, maxEpisodeSteps: 200 },
  "CliffWalking-v0": { observation: { discrete: 48 }, action: { discrete: 4 } },
};

const pythonSpace = (s: Space) => ("box" in s ? `Box(-1.0, 1.0, (${s.box.join(", ")},))` : `Discrete(${s.discrete})`);

function gymText(): string {
  const rows = Object.entries(GYM_ENVIRONMENTS).map(([id, e]) => `    "${id}": (${pythonSpace(e.observation)}, ${pythonSpace(e.action)}, ${e.maxEpisodeSteps ?? "None"}, ${e.terminates === false ? "False" : "True"}),`);
  return `import numpy as np
import _greenlight_unknown
from . import spaces
from .spaces import Box, Discrete


class EnvSpec:
    def __init__(self, id, max_episode_steps, terminates=True):
        self.id = id
        self.max_episode_steps = max_episode_steps
        self.terminates = terminates


class Env:
    # A script's own environment subclasses Env and calls super().__init__() with no arguments, setting its spaces
    # before or after: only the spaces given here are set.
    def __init__(self, id=None, observation_space=None, action_space=None, max_episode_steps=None, terminates=True):
        if observation_space is not None:
            self.observation_space = observation_space
        if action_space is not None:
            self.action_space = action_space
        self.spec = EnvSpec(id, max_episode_steps, terminates)
        self._max_episode_steps = max_episode_steps
        self.unwrapped = self

    def reset(self, *args, **kwargs):
        return _greenlight_unknown.unknown("an observation of {}: the simulation is not run", self.spec.id)

    def step(self, action):
        return _greenlight_unknown.unknown("a step of {}: the simulation is not run", self.spec.id)

    def seed(self, seed=None):
        return [seed]

    def render(self, *args, **kwargs):
        return None

    def close(self):
        return None


class Wrapper(Env):
    def __init__(self, env):
        Env.__init__(self, env.spec.id, env.observation_space, env.action_space, env.spec.max_episode_steps, env.spec.terminates)
        self.env = env
        self.unwrapped = env.unwrapped


ObservationWrapper = Wrapper
ActionWrapper = Wrapper
RewardWrapper = Wrapper

_SPACES = {
${rows.join("\n")}
}


def make(id, *args, **kwargs):
    if id not in _SPACES:
        return _greenlight_unknown.unknown("the environment {}: its spaces are not in the analyzer's table", id)
    observation, action, steps, terminates = _SPACES[id]
    return Env(id, observation, action, kwargs.get("max_episode_steps", steps), terminates)


from . import wrappers
from . import vector


def make_vec(id, num_envs=1, *args, **kwargs):
    return vector.make(id, num_envs)
`;
}

// gym.wrappers (gym 0.21, gym/wrappers/*.py): Monitor and RecordVideo record, RecordEpisodeStatistics counts; none
// changes the spaces, the spec or when an episode ends, so each stands for the env it wraps (an environment the
// table lacks stays unknown through them). TimeLimit(env, max_episode_steps) ends episodes at its own limit.
// Those that rescale or transform values keep the spaces too (gym 0.26 / Gymnasium 0.29 gymnasium/wrappers/:
// ClipAction, RescaleAction, NormalizeObservation, NormalizeReward, TransformObservation without a new space,
// TransformReward); those that reshape observations give the Box their pages state: FlattenObservation one dimension
// of all the elements, FrameStack(env, k) a leading dimension k, GrayScaleObservation the (h, w) of an (h, w, 3)
// image (keep_dim=True: (h, w, 1)), ResizeObservation(env, shape) that (h, w) before any channels.
const WRAPPERS = `import numpy as np
from .. import Wrapper, EnvSpec
from ..spaces import Box


class _SameSpaces(Wrapper):
    def __init__(self, env, *args, **kwargs):
        Wrapper.__init__(self, env)


ClipAction = _SameSpaces
RescaleAction = _SameSpaces
NormalizeObservation = _SameSpaces
NormalizeReward = _SameSpaces
TransformReward = _SameSpaces


class TransformObservation(Wrapper):
    def __init__(self, env, f=None, observation_space=None):
        Wrapper.__init__(self, env)
        if observation_space is not None:
            self.observation_space = observation_space


class FlattenObservation(Wrapper):
    def __init__(self, env):
        Wrapper.__init__(self, env)
        self.observation_space = Box(-1.0, 1.0, (int(np.prod(env.observation_space.shape)),), env.observation_space.dtype)


class FrameStack(Wrapper):
    def __init__(self, env, num_stack, lz4_compress=False):
        Wrapper.__init__(self, env)
        self.observation_space = Box(-1.0, 1.0, (num_stack,) + tuple(env.observation_space.shape), env.observation_space.dtype)


class GrayScaleObservation(Wrapper):
    def __init__(self, env, keep_dim=False):
        Wrapper.__init__(self, env)
        h, w = tuple(env.observation_space.shape)[:2]
        self.observation_space = Box(0, 255, (h, w, 1) if keep_dim else (h, w), np.uint8)


class ResizeObservation(Wrapper):
    def __init__(self, env, shape):
        Wrapper.__init__(self, env)
        size = (shape, shape) if isinstance(shape, int) else tuple(shape)
        self.observation_space = Box(0, 255, size + tuple(env.observation_space.shape)[2:], np.uint8)


def Monitor(env, *args, **kwargs):
    return env


def RecordVideo(env, *args, **kwargs):
    return env


def RecordEpisodeStatistics(env, *args, **kwargs):
    return env


class TimeLimit(Wrapper):
    def __init__(self, env, max_episode_steps=None):
        Wrapper.__init__(self, env)
        if max_episode_steps is not None:
            self.spec = EnvSpec(env.spec.id, max_episode_steps, env.spec.terminates)
            self._max_episode_steps = max_episode_steps
`;

// gym.vector (gym 0.21-0.26 gym/vector/__init__.py and sync_vector_env.py; Gymnasium 0.29-1.0 gymnasium/vector/ and
// gymnasium.make_vec): n copies of one environment stepped together. Agents size their networks from the single
// copy's spaces (`envs.single_observation_space.shape`, `envs.single_action_space.n`); the batched spaces are those
// vector/utils/spaces.py's batch_space gives: a Box gets a leading dimension of n, a Discrete becomes MultiDiscrete of n.
const VECTOR = `import numpy as np
import _greenlight_unknown
from ..spaces import Box, Discrete, MultiDiscrete


def _batch_space(space, n):
    if isinstance(space, Box):
        return Box(-1.0, 1.0, (n,) + tuple(space.shape), space.dtype)
    if isinstance(space, Discrete):
        return MultiDiscrete(np.full((n,), space.n))
    return space


class VectorEnv:
    def __init__(self, num_envs, observation_space, action_space, spec=None):
        self.num_envs = num_envs
        self.single_observation_space = observation_space
        self.single_action_space = action_space
        self.observation_space = _batch_space(observation_space, num_envs)
        self.action_space = _batch_space(action_space, num_envs)
        self.spec = spec

    def reset(self, *args, **kwargs):
        return _greenlight_unknown.unknown("observations of {} environments: the simulation is not run", self.num_envs)

    def step(self, actions):
        return _greenlight_unknown.unknown("a step of {} environments: the simulation is not run", self.num_envs)

    def seed(self, seed=None):
        return [seed]

    def close(self, **kwargs):
        return None


class SyncVectorEnv(VectorEnv):
    def __init__(self, env_fns, *args, **kwargs):
        self.envs = [make_env() for make_env in env_fns]
        first = self.envs[0]
        VectorEnv.__init__(self, len(self.envs), first.observation_space, first.action_space, first.spec)


AsyncVectorEnv = SyncVectorEnv


def make(id, num_envs=1, asynchronous=True, wrappers=None, **kwargs):
    from .. import make as make_one
    env = make_one(id, **kwargs)
    return VectorEnv(num_envs, env.observation_space, env.action_space, env.spec)
`;

const SPACES = `import numpy as np


class Space:
    def sample(self):
        return None

    def seed(self, seed=None):
        return [seed]


class Box(Space):
    def __init__(self, low, high, shape=None, dtype=np.float32, seed=None):
        self.shape = tuple(shape) if shape is not None else tuple(np.shape(low))
        self.low = np.zeros(self.shape) + low
        self.high = np.zeros(self.shape) + high
        self.dtype = dtype


class Discrete(Space):
    def __init__(self, n, seed=None, start=0):
        self.n = n
        self.start = start
        self.shape = ()
        self.dtype = np.int64


class MultiDiscrete(Space):
    def __init__(self, nvec, dtype=np.int64, seed=None):
        self.nvec = nvec
        self.shape = (len(nvec),)


class Tuple(Space):
    def __init__(self, spaces, seed=None):
        self.spaces = tuple(spaces)


class Dict(Space):
    def __init__(self, spaces=None, seed=None, **kwargs):
        self.spaces = spaces
`;

/** Virtual files of the built-in gym and gymnasium packages: path under site-packages → Python text. */
export const gymPackage: [string, string][] = ["gym", "gymnasium"].flatMap((name): [string, string][] => [
  [`${name}/__init__.py`, gymText()],
  [`${name}/spaces/__init__.py`, SPACES],
  [`${name}/wrappers/__init__.py`, WRAPPERS],
  [`${name}/vector/__init__.py`, VECTOR],
]);
