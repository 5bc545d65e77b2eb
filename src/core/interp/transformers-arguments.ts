// transformers' argument dataclasses as a built-in stand-in package: without transformers in the environment,
// `HfArgumentParser((ModelArguments, TrainingArguments)).parse_args_into_dataclasses()` stayed unknown, and so did
// every `training_args.fp16` a script tests (`torch.float16 if training_args.fp16 else ...` then read as fp16) and the
// run a JSON or YAML file of arguments sets. Our own compact Python written from transformers' documented behaviour
// (huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments and
// internal/trainer_utils#transformers.HfArgumentParser, 4.x and 5.x); an installed copy wins (built-in packages are
// the last root of module resolution), and every other name of transformers stays what a missing package gives.

// TrainingArguments' fields that decide a run, or that scripts commonly test, with their documented defaults. Other
// attributes are unknown (`__unknown_base__`), as they were before, never an error.
const TRAINING_ARGS = `import dataclasses


@dataclasses.dataclass
class TrainingArguments:
    __unknown_base__ = True
    output_dir: str = None
    do_train: bool = False
    do_eval: bool = False
    per_device_train_batch_size: int = 8
    per_device_eval_batch_size: int = 8
    gradient_accumulation_steps: int = 1
    learning_rate: float = 5e-05
    weight_decay: float = 0.0
    max_grad_norm: float = 1.0
    num_train_epochs: float = 3.0
    max_steps: int = -1
    lr_scheduler_type: str = "linear"
    warmup_ratio: float = 0.0
    warmup_steps: int = 0
    logging_steps: float = 500
    save_steps: float = 500
    seed: int = 42
    bf16: bool = False
    fp16: bool = False
    tf32: bool = None
    local_rank: int = -1
    dataloader_num_workers: int = 0
    remove_unused_columns: bool = True
    fsdp: str = ""
    deepspeed: str = None
    optim: str = "adamw_torch"
    gradient_checkpointing: bool = False
    report_to: str = None


@dataclasses.dataclass
class Seq2SeqTrainingArguments(TrainingArguments):
    sortish_sampler: bool = False
    predict_with_generate: bool = False
    generation_max_length: int = None
    generation_num_beams: int = None
`;

// HfArgumentParser: with no command-line flags each dataclass is built with its defaults; parse_dict, parse_json_file
// and parse_yaml_file build each from the document's keys that are its fields (the others go to the next class).
const HF_ARGPARSER = `import dataclasses
import json


class HfArgumentParser:
    def __init__(self, dataclass_types=None, **kwargs):
        if dataclass_types is None:
            dataclass_types = []
        if not isinstance(dataclass_types, (list, tuple)):
            dataclass_types = [dataclass_types]
        self.dataclass_types = list(dataclass_types)

    def add_argument(self, *args, **kwargs):
        return None

    def parse_args_into_dataclasses(self, args=None, return_remaining_strings=False, look_for_args_file=True, args_filename=None, args_file_flag=None):
        outputs = [t() for t in self.dataclass_types]
        if return_remaining_strings:
            outputs.append([])
        return tuple(outputs)

    def parse_dict(self, args, allow_extra_keys=False):
        outputs = []
        for t in self.dataclass_types:
            keys = [f.name for f in dataclasses.fields(t)]
            outputs.append(t(**{k: v for k, v in args.items() if k in keys}))
        return tuple(outputs)

    def parse_json_file(self, json_file, allow_extra_keys=False):
        with open(json_file, "r") as f:
            data = json.load(f)
        return self.parse_dict(data, allow_extra_keys=allow_extra_keys)

    def parse_yaml_file(self, yaml_file, allow_extra_keys=False):
        import yaml
        with open(yaml_file, "r") as f:
            data = yaml.safe_load(f)
        return self.parse_dict(data, allow_extra_keys=allow_extra_keys)
`;

// BitsAndBytesConfig: how from_pretrained(quantization_config=...) quantizes the weights, and the dtype its 4-bit
// layers compute in (huggingface.co/docs/transformers/main_classes/quantization#transformers.BitsAndBytesConfig:
// bnb_4bit_compute_dtype "defaults to torch.float32"; a string names a torch dtype). Read by quantized-compute.ts.
const BITS_AND_BYTES = `import torch


class BitsAndBytesConfig:
    def __init__(self, load_in_8bit=False, load_in_4bit=False, bnb_4bit_compute_dtype=None, **kwargs):
        self.load_in_8bit = load_in_8bit
        self.load_in_4bit = load_in_4bit
        if bnb_4bit_compute_dtype is None:
            bnb_4bit_compute_dtype = torch.float32
        elif isinstance(bnb_4bit_compute_dtype, str):
            bnb_4bit_compute_dtype = getattr(torch, bnb_4bit_compute_dtype)
        self.bnb_4bit_compute_dtype = bnb_4bit_compute_dtype
`;

/** Virtual files of the built-in transformers argument classes: path under site-packages → Python text. */
export const transformersArgumentsPackage: [string, string][] = [
  ["transformers/__init__.py", "from transformers.training_args import TrainingArguments\nfrom transformers.training_args_seq2seq import Seq2SeqTrainingArguments\nfrom transformers.hf_argparser import HfArgumentParser\nfrom transformers.utils.quantization_config import BitsAndBytesConfig\n"],
  ["transformers/training_args.py", TRAINING_ARGS],
  ["transformers/training_args_seq2seq.py", "from transformers.training_args import Seq2SeqTrainingArguments\n"],
  ["transformers/hf_argparser.py", HF_ARGPARSER],
  ["transformers/utils/quantization_config.py", BITS_AND_BYTES],
];
