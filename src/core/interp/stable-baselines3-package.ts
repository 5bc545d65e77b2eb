import { OPTIONAL_STAND_IN_LINE } from "./module-resolver";

// Stable-Baselines3 builds the networks it trains from the environment's spaces and its own defaults: a script writes
// `model = PPO("MlpPolicy", env); model.learn(total_timesteps=100_000)` and holds no network of its own. Without the
// library every such script showed no model and no run. These are our own compact Python written from SB3 2.x's
// documented defaults and network layouts (read in stable_baselines3 2.9.0a4, DLR-RM/stable-baselines3 e05d2db):
// - algorithms' defaults (ppo/ppo.py, a2c/a2c.py, dqn/dqn.py, sac/sac.py, td3/td3.py, ddpg/ddpg.py __init__): PPO
//   n_steps 2048, batch_size 64, n_epochs 10; A2C n_steps 5; DQN learning_starts 100, batch_size 32, train_freq 4,
//   gradient_steps 1; SAC, TD3 and DDPG learning_starts 100, batch_size 256, train_freq 1, gradient_steps 1; DDPG is
//   TD3 with one critic.
// - policies (common/policies.py ActorCriticPolicy: net_arch dict(pi=[64, 64], vf=[64, 64]), Tanh, a log_std of the
//   action's size for continuous actions; dqn/policies.py QNetwork [64, 64] ReLU, with a target copy; sac/policies.py
//   actor [256, 256] with mu and log_std heads, two critics on observation + action and their targets; td3/policies.py
//   actor [400, 300] ending in Tanh, critics likewise; common/torch_layers.py create_mlp, FlattenExtractor, NatureCNN).
// - an environment given as an id is made as make_vec_env(id) makes it; a plain environment is wrapped as one copy
//   (common/base_class.py _wrap_env); a VecEnv's spaces are one copy's, and its num_envs the copies stepped together.
// The run itself (how many gradient steps `learn` takes) is read by stable-baselines3-learn.ts from the attributes set
// here, which carry SB3's own names. Everything else an algorithm has stays unknown.
const UNKNOWN_ATTRIBUTE = `    def __getattr__(self, name):
        return _unknown("stable_baselines3's " + name + " is not modelled")
`;

const TORCH_LAYERS = `${OPTIONAL_STAND_IN_LINE}
import numpy as np
import torch
from torch import nn


def get_flattened_obs_dim(observation_space):
    if hasattr(observation_space, "nvec"):
        return int(sum(observation_space.nvec))
    if hasattr(observation_space, "n"):
        return int(observation_space.n)
    return int(np.prod(observation_space.shape))


def is_image_space(observation_space):
    return len(tuple(getattr(observation_space, "shape", ()) or ())) == 3


def is_image_space_channels_first(observation_space):
    # common/preprocessing.py: the smallest of the three dimensions is the channels'
    shape = tuple(observation_space.shape)
    return shape.index(min(shape)) == 0


def create_mlp(input_dim, output_dim, net_arch, activation_fn=nn.ReLU, squash_output=False, with_bias=True, **kwargs):
    layers = []
    last = input_dim
    for width in net_arch:
        layers.append(nn.Linear(last, width, bias=with_bias))
        layers.append(activation_fn())
        last = width
    if output_dim > 0:
        layers.append(nn.Linear(last, output_dim, bias=with_bias))
    if squash_output:
        layers.append(nn.Tanh())
    return layers


class BaseFeaturesExtractor(nn.Module):
    def __init__(self, observation_space, features_dim=0):
        super().__init__()
        self._observation_space = observation_space
        self._features_dim = features_dim

    @property
    def features_dim(self):
        return self._features_dim


class FlattenExtractor(BaseFeaturesExtractor):
    def __init__(self, observation_space):
        super().__init__(observation_space, get_flattened_obs_dim(observation_space))
        self.flatten = nn.Flatten()

    def forward(self, observations):
        return self.flatten(observations)


class NatureCNN(BaseFeaturesExtractor):
    def __init__(self, observation_space, features_dim=512, normalized_image=False):
        super().__init__(observation_space, features_dim)
        # channels first, as the algorithm's VecTransposeImage gives them
        channels, height, width = tuple(observation_space.shape)
        self.cnn = nn.Sequential(
            nn.Conv2d(channels, 32, kernel_size=8, stride=4, padding=0),
            nn.ReLU(),
            nn.Conv2d(32, 64, kernel_size=4, stride=2, padding=0),
            nn.ReLU(),
            nn.Conv2d(64, 64, kernel_size=3, stride=1, padding=0),
            nn.ReLU(),
            nn.Flatten(),
        )
        height = ((height - 8) // 4 + 1 - 4) // 2 + 1 - 2
        width = ((width - 8) // 4 + 1 - 4) // 2 + 1 - 2
        self.linear = nn.Sequential(nn.Linear(64 * height * width, features_dim), nn.ReLU())

    def forward(self, observations):
        return self.linear(self.cnn(observations))


class CombinedExtractor(BaseFeaturesExtractor):
    def __init__(self, observation_space, cnn_output_dim=256, normalized_image=False):
        super().__init__(observation_space, features_dim=1)
        extractors = {}
        total = 0
        self._parts = []
        for key, subspace in observation_space.spaces.items():
            if is_image_space(subspace):
                extractors[key] = NatureCNN(subspace, features_dim=cnn_output_dim)
                total += cnn_output_dim
                self._parts.append((key, int(np.prod(subspace.shape)), tuple(subspace.shape)))
            else:
                extractors[key] = nn.Flatten()
                total += get_flattened_obs_dim(subspace)
                self._parts.append((key, get_flattened_obs_dim(subspace), (get_flattened_obs_dim(subspace),)))
        self.extractors = nn.ModuleDict(extractors)
        self._features_dim = total

    def forward(self, observations):
        if isinstance(observations, dict):
            return torch.cat([extractor(observations[key]) for key, extractor in self.extractors.items()], dim=1)
        # The analyzer feeds a Dict observation as its parts flattened side by side (declare_input takes one tensor):
        # each part goes to its own extractor at its own shape, so the layers see what they would.
        outputs = []
        start = 0
        for key, size, shape in self._parts:
            part = observations[:, start:start + size].reshape((observations.shape[0],) + shape)
            outputs.append(self.extractors[key](part))
            start += size
        return torch.cat(outputs, dim=1)


def dict_observation_width(observation_space):
    return sum(int(np.prod(s.shape)) if is_image_space(s) else get_flattened_obs_dim(s) for s in observation_space.spaces.values())


class MlpExtractor(nn.Module):
    def __init__(self, feature_dim, net_arch, activation_fn, device="auto"):
        super().__init__()
        if isinstance(net_arch, dict):
            pi, vf = net_arch.get("pi", []), net_arch.get("vf", [])
        else:
            pi, vf = net_arch, net_arch
        self.policy_net = nn.Sequential(*create_mlp(feature_dim, -1, pi, activation_fn))
        self.value_net = nn.Sequential(*create_mlp(feature_dim, -1, vf, activation_fn))
        self.latent_dim_pi = pi[-1] if len(pi) > 0 else feature_dim
        self.latent_dim_vf = vf[-1] if len(vf) > 0 else feature_dim

    def forward(self, features):
        return self.policy_net(features), self.value_net(features)

    def forward_actor(self, features):
        return self.policy_net(features)

    def forward_critic(self, features):
        return self.value_net(features)
`;

const POLICIES = `${OPTIONAL_STAND_IN_LINE}
import torch
from torch import nn
from .torch_layers import BaseFeaturesExtractor, FlattenExtractor, NatureCNN, CombinedExtractor, MlpExtractor, create_mlp, get_flattened_obs_dim


def _action_outputs(action_space):
    return get_flattened_obs_dim(action_space)


def _continuous(action_space):
    return not hasattr(action_space, "n") and not hasattr(action_space, "nvec")


def get_actor_critic_arch(net_arch):
    if isinstance(net_arch, dict):
        return net_arch.get("pi", []), net_arch.get("qf", [])
    return net_arch, net_arch


class BasePolicy(nn.Module):
    def __init__(self, observation_space, action_space, features_extractor_class=FlattenExtractor, features_extractor_kwargs=None, features_extractor=None, normalize_images=True, optimizer_class=None, optimizer_kwargs=None, squash_output=False, **kwargs):
        super().__init__()
        self.observation_space = observation_space
        self.action_space = action_space
        self.features_extractor_class = features_extractor_class
        self.features_extractor_kwargs = features_extractor_kwargs or {}
        if features_extractor is not None:
            self.features_extractor = features_extractor
        self.normalize_images = normalize_images

    def make_features_extractor(self):
        return self.features_extractor_class(self.observation_space, **self.features_extractor_kwargs)

    def extract_features(self, obs, features_extractor=None):
        return (features_extractor or self.features_extractor)(obs)


class ActorCriticPolicy(BasePolicy):
    def __init__(self, observation_space, action_space, lr_schedule=None, net_arch=None, activation_fn=nn.Tanh, ortho_init=True, use_sde=False, log_std_init=0.0, full_std=True, use_expln=False, squash_output=False, features_extractor_class=FlattenExtractor, features_extractor_kwargs=None, share_features_extractor=True, normalize_images=True, optimizer_class=None, optimizer_kwargs=None, **kwargs):
        super().__init__(observation_space, action_space, features_extractor_class, features_extractor_kwargs, normalize_images=normalize_images)
        if isinstance(net_arch, list) and len(net_arch) > 0 and isinstance(net_arch[0], dict):
            net_arch = net_arch[0]
        if net_arch is None:
            net_arch = [] if features_extractor_class == NatureCNN else dict(pi=[64, 64], vf=[64, 64])
        self.net_arch = net_arch
        self.activation_fn = activation_fn
        self.ortho_init = ortho_init
        self.share_features_extractor = share_features_extractor
        self.features_extractor = self.make_features_extractor()
        self.features_dim = self.features_extractor.features_dim
        self.pi_features_extractor = self.features_extractor
        self.vf_features_extractor = self.features_extractor if share_features_extractor else self.make_features_extractor()
        self.device = "auto"
        self._build(lr_schedule)

    def _build_mlp_extractor(self):
        self.mlp_extractor = MlpExtractor(self.features_dim, net_arch=self.net_arch, activation_fn=self.activation_fn, device=self.device)

    def _build(self, lr_schedule):
        self._build_mlp_extractor()
        self.action_net = nn.Linear(self.mlp_extractor.latent_dim_pi, _action_outputs(self.action_space))
        if _continuous(self.action_space):
            self.log_std = nn.Parameter(torch.zeros(_action_outputs(self.action_space)))
        self.value_net = nn.Linear(self.mlp_extractor.latent_dim_vf, 1)

    def extract_features(self, obs, features_extractor=None):
        if features_extractor is not None:
            return features_extractor(obs)
        if self.share_features_extractor:
            return self.features_extractor(obs)
        return self.pi_features_extractor(obs), self.vf_features_extractor(obs)

    def forward(self, obs, deterministic=False):
        features = self.extract_features(obs)
        if self.share_features_extractor:
            latent_pi, latent_vf = self.mlp_extractor(features)
        else:
            latent_pi = self.mlp_extractor.forward_actor(features[0])
            latent_vf = self.mlp_extractor.forward_critic(features[1])
        return self.action_net(latent_pi), self.value_net(latent_vf)


class ActorCriticCnnPolicy(ActorCriticPolicy):
    def __init__(self, observation_space, action_space, lr_schedule=None, net_arch=None, activation_fn=nn.Tanh, features_extractor_class=NatureCNN, **kwargs):
        super().__init__(observation_space, action_space, lr_schedule, net_arch, activation_fn, features_extractor_class=features_extractor_class, **kwargs)


class MultiInputActorCriticPolicy(ActorCriticPolicy):
    def __init__(self, observation_space, action_space, lr_schedule=None, net_arch=None, activation_fn=nn.Tanh, features_extractor_class=CombinedExtractor, **kwargs):
        super().__init__(observation_space, action_space, lr_schedule, net_arch, activation_fn, features_extractor_class=features_extractor_class, **kwargs)


class ContinuousCritic(BasePolicy):
    def __init__(self, observation_space, action_space, net_arch, features_extractor, features_dim, activation_fn=nn.ReLU, normalize_images=True, n_critics=2, share_features_extractor=True):
        super().__init__(observation_space, action_space, features_extractor=features_extractor, normalize_images=normalize_images)
        self.share_features_extractor = share_features_extractor
        self.n_critics = n_critics
        self.q_networks = []
        for idx in range(n_critics):
            q_net = nn.Sequential(*create_mlp(features_dim + _action_outputs(action_space), 1, net_arch, activation_fn))
            self.add_module(f"qf{idx}", q_net)
            self.q_networks.append(q_net)

    def forward(self, obs, actions):
        both = torch.cat([self.extract_features(obs, self.features_extractor), actions], dim=1)
        return tuple(q_net(both) for q_net in self.q_networks)
`;

const OFF_POLICY_POLICIES = `${OPTIONAL_STAND_IN_LINE}
import torch
from torch import nn
from .torch_layers import FlattenExtractor, NatureCNN, CombinedExtractor, create_mlp
from .policies import BasePolicy, ContinuousCritic, get_actor_critic_arch, _action_outputs


class QNetwork(BasePolicy):
    def __init__(self, observation_space, action_space, features_extractor, features_dim, net_arch=None, activation_fn=nn.ReLU, normalize_images=True):
        super().__init__(observation_space, action_space, features_extractor=features_extractor, normalize_images=normalize_images)
        self.q_net = nn.Sequential(*create_mlp(features_dim, _action_outputs(action_space), net_arch if net_arch is not None else [64, 64], activation_fn))

    def forward(self, obs):
        return self.q_net(self.extract_features(obs, self.features_extractor))


class DQNPolicy(BasePolicy):
    def __init__(self, observation_space, action_space, lr_schedule=None, net_arch=None, activation_fn=nn.ReLU, features_extractor_class=FlattenExtractor, features_extractor_kwargs=None, normalize_images=True, optimizer_class=None, optimizer_kwargs=None, **kwargs):
        super().__init__(observation_space, action_space, features_extractor_class, features_extractor_kwargs, normalize_images=normalize_images)
        if net_arch is None:
            net_arch = [] if features_extractor_class == NatureCNN else [64, 64]
        self.net_arch = net_arch
        self.activation_fn = activation_fn
        self.q_net = self.make_q_net()
        self.q_net_target = self.make_q_net()

    def make_q_net(self):
        extractor = self.make_features_extractor()
        return QNetwork(self.observation_space, self.action_space, extractor, extractor.features_dim, self.net_arch, self.activation_fn, self.normalize_images)

    def forward(self, obs, deterministic=True):
        return self.q_net(obs)


class SquashedGaussianActor(BasePolicy):
    def __init__(self, observation_space, action_space, net_arch, features_extractor, features_dim, activation_fn=nn.ReLU, **kwargs):
        super().__init__(observation_space, action_space, features_extractor=features_extractor)
        self.latent_pi = nn.Sequential(*create_mlp(features_dim, -1, net_arch, activation_fn))
        last = net_arch[-1] if len(net_arch) > 0 else features_dim
        self.mu = nn.Linear(last, _action_outputs(action_space))
        self.log_std = nn.Linear(last, _action_outputs(action_space))

    def forward(self, obs, deterministic=False):
        latent = self.latent_pi(self.extract_features(obs, self.features_extractor))
        return torch.tanh(self.mu(latent))


class DeterministicActor(BasePolicy):
    def __init__(self, observation_space, action_space, net_arch, features_extractor, features_dim, activation_fn=nn.ReLU, normalize_images=True):
        super().__init__(observation_space, action_space, features_extractor=features_extractor, normalize_images=normalize_images)
        self.mu = nn.Sequential(*create_mlp(features_dim, _action_outputs(action_space), net_arch, activation_fn, squash_output=True))

    def forward(self, obs):
        return self.mu(self.extract_features(obs, self.features_extractor))


class _ActorCriticsPolicy(BasePolicy):
    """SAC's and TD3's policy: an actor and n_critics critics on observation and action, with target copies."""
    _actor_class = None
    _targets_actor = False

    def __init__(self, observation_space, action_space, lr_schedule=None, net_arch=None, activation_fn=nn.ReLU, features_extractor_class=FlattenExtractor, features_extractor_kwargs=None, normalize_images=True, optimizer_class=None, optimizer_kwargs=None, n_critics=2, share_features_extractor=False, **kwargs):
        super().__init__(observation_space, action_space, features_extractor_class, features_extractor_kwargs, normalize_images=normalize_images)
        if net_arch is None:
            net_arch = self._default_arch(features_extractor_class)
        self.net_arch = net_arch
        self.activation_fn = activation_fn
        self.actor_arch, self.critic_arch = get_actor_critic_arch(net_arch)
        self.n_critics = n_critics
        self.share_features_extractor = share_features_extractor
        self.actor = self.make_actor()
        if self._targets_actor:
            self.actor_target = self.make_actor()
        self.critic = self.make_critic()
        self.critic_target = self.make_critic()

    def make_actor(self, features_extractor=None):
        extractor = features_extractor or self.make_features_extractor()
        return self._actor_class(self.observation_space, self.action_space, self.actor_arch, extractor, extractor.features_dim, self.activation_fn)

    def make_critic(self, features_extractor=None):
        extractor = features_extractor or self.make_features_extractor()
        return ContinuousCritic(self.observation_space, self.action_space, self.critic_arch, extractor, extractor.features_dim, self.activation_fn, self.normalize_images, self.n_critics, self.share_features_extractor)

    def forward(self, observation, deterministic=False):
        return self.actor(observation)


class SACPolicy(_ActorCriticsPolicy):
    _actor_class = SquashedGaussianActor

    def _default_arch(self, features_extractor_class):
        return [256, 256]


class TD3Policy(_ActorCriticsPolicy):
    _actor_class = DeterministicActor
    _targets_actor = True

    def _default_arch(self, features_extractor_class):
        return [256, 256] if features_extractor_class == NatureCNN else [400, 300]
`;

const VEC_ENV = `${OPTIONAL_STAND_IN_LINE}
from _greenlight_unknown import unknown as _unknown
from ..torch_layers import is_image_space, is_image_space_channels_first


class VecEnv:
    def __init__(self, num_envs, observation_space, action_space):
        self.num_envs = num_envs
        self.observation_space = observation_space
        self.action_space = action_space

    def reset(self):
        return _unknown("observations of {} environments: the simulation is not run", self.num_envs)

    def step(self, actions):
        return _unknown("a step of {} environments: the simulation is not run", self.num_envs)

    def close(self):
        return None


class DummyVecEnv(VecEnv):
    def __init__(self, env_fns, *args, **kwargs):
        first = env_fns[0]()
        VecEnv.__init__(self, len(env_fns), first.observation_space, first.action_space)


SubprocVecEnv = DummyVecEnv


class VecEnvWrapper(VecEnv):
    def __init__(self, venv, *args, **kwargs):
        VecEnv.__init__(self, venv.num_envs, venv.observation_space, venv.action_space)
        self.venv = venv


class VecFrameStack(VecEnvWrapper):
    # common/vec_env/stacked_observations.py: n_stack observations along the channels of an image (its last axis
    # unless channels come first) and along the last axis of any other box
    def __init__(self, venv, n_stack, channels_order=None):
        VecEnvWrapper.__init__(self, venv)
        space = venv.observation_space
        shape = tuple(getattr(space, "shape", ()) or ())
        if len(shape) > 0:
            first = channels_order == "first" or (channels_order is None and is_image_space(space) and is_image_space_channels_first(space))
            stacked = (shape[0] * n_stack,) + shape[1:] if first else shape[:-1] + (shape[-1] * n_stack,)
            self.observation_space = type(space)(0, 255, stacked, space.dtype)


VecNormalize = VecEnvWrapper
VecMonitor = VecEnvWrapper
VecCheckNan = VecEnvWrapper
VecVideoRecorder = VecEnvWrapper
VecTransposeImage = VecEnvWrapper


def as_vec_env(env):
    if isinstance(env, VecEnv):
        return env
    return VecEnv(1, env.observation_space, env.action_space)
`;

const ENV_UTIL = `${OPTIONAL_STAND_IN_LINE}
from .vec_env import VecEnv, as_vec_env


def make_vec_env(env_id, n_envs=1, seed=None, start_index=0, monitor_dir=None, wrapper_class=None, env_kwargs=None, *args, **kwargs):
    if isinstance(env_id, str):
        import gymnasium
        env = gymnasium.make(env_id, **(env_kwargs or {}))
    else:
        env = env_id(**(env_kwargs or {}))
    if wrapper_class is not None:
        env = wrapper_class(env)
    return VecEnv(n_envs, env.observation_space, env.action_space)
`;

const MONITOR = `${OPTIONAL_STAND_IN_LINE}


def Monitor(env, *args, **kwargs):
    return env
`;

const ALGORITHMS = `${OPTIONAL_STAND_IN_LINE}
from _greenlight_unknown import known as _known, unknown as _unknown, declare_input as _declare_input
from .vec_env import as_vec_env
from .env_util import make_vec_env
from .torch_layers import FlattenExtractor, NatureCNN, CombinedExtractor, dict_observation_width, is_image_space, is_image_space_channels_first
from .policies import ActorCriticPolicy
from .off_policy_policies import DQNPolicy, SACPolicy, TD3Policy

_EXTRACTORS = {"MlpPolicy": FlattenExtractor, "CnnPolicy": NatureCNN, "MultiInputPolicy": CombinedExtractor}


def _channels_first(space):
    # VecTransposeImage: an image observation of (height, width, channels) reaches the network as (channels, height, width)
    if is_image_space(space) and not is_image_space_channels_first(space):
        shape = tuple(space.shape)
        return type(space)(0, 255, (shape[2], shape[0], shape[1]), space.dtype)
    return space


class BaseAlgorithm:
    _policy_class = None
    _loop = None

    def __init__(self, policy, env, policy_kwargs=None, **kwargs):
        self.env = make_vec_env(env) if isinstance(env, str) else as_vec_env(env)
        self.n_envs = self.env.num_envs
        self.observation_space = self.env.observation_space
        self.action_space = self.env.action_space
        self.policy_kwargs = dict(policy_kwargs or {})
        self._greenlight_loop = self._loop
        if not _known(self.observation_space) or not _known(self.action_space):
            self.policy = _unknown("the observation and action spaces of the environment it is given are not known (a gym id not in the analyzer's table, or an environment class it could not build)")
            return
        if isinstance(policy, str):
            extractor = self.policy_kwargs.pop("features_extractor_class", _EXTRACTORS.get(policy, FlattenExtractor))
            if extractor == NatureCNN:
                self.observation_space = _channels_first(self.observation_space)
            self.policy = self._policy_class(self.observation_space, self.action_space, self._lr_schedule, features_extractor_class=extractor, **self.policy_kwargs)
        else:
            self.policy = policy(self.observation_space, self.action_space, self._lr_schedule, **self.policy_kwargs)
        spaces = getattr(self.observation_space, "spaces", None)
        shape = getattr(self.observation_space, "shape", None)
        if isinstance(spaces, dict):
            _declare_input(self.policy, (1, dict_observation_width(self.observation_space)))
        elif shape and not hasattr(self.observation_space, "n") and not hasattr(self.observation_space, "nvec"):
            _declare_input(self.policy, (1,) + tuple(shape))

    def _lr_schedule(self, progress_remaining):
        return 0.0

    def learn(self, total_timesteps, *args, **kwargs):
        return self

    def save(self, *args, **kwargs):
        return None

    def set_env(self, env, *args, **kwargs):
        self.env = as_vec_env(env)
        self.n_envs = self.env.num_envs

    def get_env(self):
        return self.env

    def predict(self, observation, *args, **kwargs):
        return _unknown("stable_baselines3's predict: the policy is not run")

    @classmethod
    def load(cls, path, *args, **kwargs):
        return _unknown("a saved stable_baselines3 model: its settings and spaces are in the file {}", str(path))

${UNKNOWN_ATTRIBUTE}

class OnPolicyAlgorithm(BaseAlgorithm):
    _policy_class = ActorCriticPolicy

    def __init__(self, policy, env, n_steps, batch_size, n_epochs, policy_kwargs=None, **kwargs):
        self.n_steps = n_steps
        self.batch_size = batch_size
        self.n_epochs = n_epochs
        BaseAlgorithm.__init__(self, policy, env, policy_kwargs)


class PPO(OnPolicyAlgorithm):
    _loop = "minibatch epochs"

    def __init__(self, policy, env, learning_rate=3e-4, n_steps=2048, batch_size=64, n_epochs=10, policy_kwargs=None, **kwargs):
        OnPolicyAlgorithm.__init__(self, policy, env, n_steps, batch_size, n_epochs, policy_kwargs)


class A2C(OnPolicyAlgorithm):
    _loop = "whole rollout"

    def __init__(self, policy, env, learning_rate=7e-4, n_steps=5, policy_kwargs=None, **kwargs):
        OnPolicyAlgorithm.__init__(self, policy, env, n_steps, None, 1, policy_kwargs)


class OffPolicyAlgorithm(BaseAlgorithm):
    _loop = "replay"

    def __init__(self, policy, env, learning_starts, batch_size, train_freq, gradient_steps, policy_kwargs=None, **kwargs):
        self.learning_starts = learning_starts
        self.batch_size = batch_size
        self.train_freq = train_freq
        self.gradient_steps = gradient_steps
        BaseAlgorithm.__init__(self, policy, env, policy_kwargs)


class DQN(OffPolicyAlgorithm):
    _policy_class = DQNPolicy

    def __init__(self, policy, env, learning_rate=1e-4, buffer_size=1_000_000, learning_starts=100, batch_size=32, tau=1.0, gamma=0.99, train_freq=4, gradient_steps=1, policy_kwargs=None, **kwargs):
        OffPolicyAlgorithm.__init__(self, policy, env, learning_starts, batch_size, train_freq, gradient_steps, policy_kwargs)


class SAC(OffPolicyAlgorithm):
    _policy_class = SACPolicy

    def __init__(self, policy, env, learning_rate=3e-4, buffer_size=1_000_000, learning_starts=100, batch_size=256, tau=0.005, gamma=0.99, train_freq=1, gradient_steps=1, policy_kwargs=None, **kwargs):
        OffPolicyAlgorithm.__init__(self, policy, env, learning_starts, batch_size, train_freq, gradient_steps, policy_kwargs)


class TD3(OffPolicyAlgorithm):
    _policy_class = TD3Policy

    def __init__(self, policy, env, learning_rate=1e-3, buffer_size=1_000_000, learning_starts=100, batch_size=256, tau=0.005, gamma=0.99, train_freq=1, gradient_steps=1, policy_kwargs=None, **kwargs):
        OffPolicyAlgorithm.__init__(self, policy, env, learning_starts, batch_size, train_freq, gradient_steps, policy_kwargs)


class DDPG(TD3):
    def __init__(self, policy, env, learning_rate=1e-3, buffer_size=1_000_000, learning_starts=100, batch_size=256, tau=0.005, gamma=0.99, train_freq=1, gradient_steps=1, policy_kwargs=None, **kwargs):
        policy_kwargs = dict(policy_kwargs or {})
        if "n_critics" not in policy_kwargs:
            policy_kwargs["n_critics"] = 1
        TD3.__init__(self, policy, env, learning_rate, buffer_size, learning_starts, batch_size, tau, gamma, train_freq, gradient_steps, policy_kwargs)
`;

const ALGORITHM_MODULE = (name: string) => `${OPTIONAL_STAND_IN_LINE}
from ..common._algorithms import ${name}

MlpPolicy = "MlpPolicy"
CnnPolicy = "CnnPolicy"
MultiInputPolicy = "MultiInputPolicy"
`;

const ALGORITHMS_NAMES = ["PPO", "A2C", "DQN", "SAC", "TD3", "DDPG"];

const POLICY_MODULE = (names: string) => `${OPTIONAL_STAND_IN_LINE}\nfrom ..common.off_policy_policies import ${names}\n`;

// sb3-contrib's MaskablePPO (sb3_contrib/ppo_mask/ppo_mask.py, 2.9.0a2, Stable-Baselines-Team/stable-baselines3-contrib
// 0ca7fdd) has PPO's defaults and loop (n_steps 2048, batch_size 64, n_epochs 10), its policies PPO's networks with the
// invalid actions' logits masked; ActionMasker wraps an environment and keeps its spaces. The other contrib algorithms
// stay unknown.
const CONTRIB = `${OPTIONAL_STAND_IN_LINE}
from stable_baselines3 import PPO


class MaskablePPO(PPO):
    pass
`;

const CONTRIB_WRAPPERS = `${OPTIONAL_STAND_IN_LINE}


def ActionMasker(env, action_mask_fn=None, *args, **kwargs):
    return env
`;

const CONTRIB_POLICIES = `${OPTIONAL_STAND_IN_LINE}
from stable_baselines3.common.policies import ActorCriticPolicy as MaskableActorCriticPolicy
from stable_baselines3.common.policies import ActorCriticCnnPolicy as MaskableActorCriticCnnPolicy
from stable_baselines3.common.policies import MultiInputActorCriticPolicy as MaskableMultiInputActorCriticPolicy
`;

/** sb3-contrib's MaskablePPO and ActionMasker, as package files found after an installed copy. */
export const sb3ContribPackage: [string, string][] = [
  ["sb3_contrib/__init__.py", CONTRIB],
  ["sb3_contrib/ppo_mask/__init__.py", `${OPTIONAL_STAND_IN_LINE}\nfrom .. import MaskablePPO\n\nMlpPolicy = "MlpPolicy"\nCnnPolicy = "CnnPolicy"\nMultiInputPolicy = "MultiInputPolicy"\n`],
  ["sb3_contrib/common/__init__.py", `${OPTIONAL_STAND_IN_LINE}\n`],
  ["sb3_contrib/common/wrappers/__init__.py", CONTRIB_WRAPPERS],
  ["sb3_contrib/common/maskable/__init__.py", `${OPTIONAL_STAND_IN_LINE}\n`],
  ["sb3_contrib/common/maskable/policies.py", CONTRIB_POLICIES],
];

/** Stable-Baselines3's algorithms, policies and vectorized environments, as package files found after an installed copy. */
export const stableBaselines3Package: [string, string][] = [
  ["stable_baselines3/__init__.py", `${OPTIONAL_STAND_IN_LINE}\nfrom .common._algorithms import ${ALGORITHMS_NAMES.join(", ")}\n`],
  ["stable_baselines3/common/__init__.py", `${OPTIONAL_STAND_IN_LINE}\n`],
  ["stable_baselines3/common/_algorithms.py", ALGORITHMS],
  ["stable_baselines3/common/policies.py", POLICIES],
  ["stable_baselines3/common/off_policy_policies.py", OFF_POLICY_POLICIES],
  ["stable_baselines3/common/torch_layers.py", TORCH_LAYERS],
  ["stable_baselines3/common/vec_env/__init__.py", VEC_ENV],
  ["stable_baselines3/common/env_util.py", ENV_UTIL],
  ["stable_baselines3/common/monitor.py", MONITOR],
  ...ALGORITHMS_NAMES.map((name): [string, string] => [`stable_baselines3/${name.toLowerCase()}/__init__.py`, ALGORITHM_MODULE(name)]),
  ["stable_baselines3/dqn/policies.py", POLICY_MODULE("DQNPolicy, QNetwork")],
  ["stable_baselines3/sac/policies.py", POLICY_MODULE("SACPolicy, SquashedGaussianActor as Actor")],
  ["stable_baselines3/td3/policies.py", POLICY_MODULE("TD3Policy, DeterministicActor as Actor")],
];
