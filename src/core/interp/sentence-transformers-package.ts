import { OPTIONAL_STAND_IN_LINE } from "./module-resolver";

// sentence-transformers' training arguments as a built-in stand-in package. From 3.0 a script trains with
// `SentenceTransformerTrainer(model=..., args=SentenceTransformerTrainingArguments(num_train_epochs=..., ...))`;
// the arguments class subclasses transformers' TrainingArguments and adds only how batches are drawn and prompts
// (sentence_transformers/training_args.py, 3.x-5.x: `class SentenceTransformerTrainingArguments(TransformersTrainingArguments)`
// with batch_sampler, multi_dataset_batch_sampler, prompts, router_mapping, learning_rate_mapping), and the trainer
// subclasses transformers' Trainer, whose run its arguments decide (sbert.net/docs/sentence_transformer/training_overview.html).
// CrossEncoderTrainingArguments (4.0, cross_encoder/training_args.py) and SparseEncoderTrainingArguments (5.0,
// sparse_encoder/training_args.py) subclass it. Without the library the arguments were unknown, so the trainer's
// epochs, batch and fp16/bf16 were lost. Our own compact Python over the transformers stand-in
// (transformers-arguments.ts); every other name (SentenceTransformer, losses, evaluators) stays what a missing package
// gives, an installed copy wins (a built-in package is the last root of module resolution), and an import the script
// guards with `try`, or importlib's availability checks, find the library absent as before (OPTIONAL_STAND_IN_LINE).
const TRAINING_ARGS = `${OPTIONAL_STAND_IN_LINE}
from transformers.training_args import TrainingArguments


class SentenceTransformerTrainingArguments(TrainingArguments):
    pass
`;

const CROSS_ENCODER_ARGS = `${OPTIONAL_STAND_IN_LINE}
from sentence_transformers.training_args import SentenceTransformerTrainingArguments


class CrossEncoderTrainingArguments(SentenceTransformerTrainingArguments):
    pass
`;

const SPARSE_ENCODER_ARGS = `${OPTIONAL_STAND_IN_LINE}
from sentence_transformers.training_args import SentenceTransformerTrainingArguments


class SparseEncoderTrainingArguments(SentenceTransformerTrainingArguments):
    pass
`;

/** Virtual files of the built-in sentence-transformers argument classes: path under site-packages → Python text. */
export const sentenceTransformersPackage: [string, string][] = [
  ["sentence_transformers/__init__.py", `${OPTIONAL_STAND_IN_LINE}\nfrom sentence_transformers.training_args import SentenceTransformerTrainingArguments\n`],
  ["sentence_transformers/training_args.py", TRAINING_ARGS],
  ["sentence_transformers/cross_encoder/__init__.py", `${OPTIONAL_STAND_IN_LINE}\nfrom sentence_transformers.cross_encoder.training_args import CrossEncoderTrainingArguments\n`],
  ["sentence_transformers/cross_encoder/training_args.py", CROSS_ENCODER_ARGS],
  ["sentence_transformers/sparse_encoder/__init__.py", `${OPTIONAL_STAND_IN_LINE}\nfrom sentence_transformers.sparse_encoder.training_args import SparseEncoderTrainingArguments\n`],
  ["sentence_transformers/sparse_encoder/training_args.py", SPARSE_ENCODER_ARGS],
];
