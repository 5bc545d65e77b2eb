// torchaudio's data sets of published size (pytorch.org/audio/2.1/datasets.html for the constructors and their
// arguments), each with the page or paper that counts its recordings. A data set's part is chosen by an argument:
// SPEECHCOMMANDS and GTZAN by `subset` ("training", "validation", "testing"; None keeps every recording), LIBRISPEECH
// by `url` (the LibriSpeech part, "train-clean-100" by default). The sizes hold for the data set's default edition only
// (SPEECHCOMMANDS' `url="speech_commands_v0.02"`).

/** A torchaudio data set: the recordings of each part its selecting argument names, and of the whole. */
export interface AudioDatasetSize {
  /** The class name as torchaudio.datasets spells it. */
  name: string;
  /** The argument that selects a part (keyword, and position counting `root` as 0), and its default. */
  part?: { keyword: string; position: number; default?: string };
  /** Recordings by the value of the part argument. */
  parts?: Readonly<Record<string, number>>;
  /** Recordings when no part is selected (the part argument left at None). */
  whole?: number;
  /** An argument the sizes hold for only at its default (SPEECHCOMMANDS' `url`, v0.02). */
  edition?: { keyword: string; position: number; value: string };
  source: string;
}

// LibriSpeech's parts by utterance (Panayotov et al. 2015; the counts are TensorFlow Datasets' librispeech catalog,
// tensorflow.org/datasets/catalog/librispeech, which reads the same openslr.org/12 archives).
const LIBRISPEECH_PARTS = {
  "train-clean-100": 28_539,
  "train-clean-360": 104_014,
  "train-other-500": 148_688,
  "dev-clean": 2_703,
  "dev-other": 2_864,
  "test-clean": 2_620,
  "test-other": 2_939,
};

/** torchaudio.datasets classes whose recordings are counted. */
export const AUDIO_DATASET_SIZES: readonly AudioDatasetSize[] = [
  {
    name: "SPEECHCOMMANDS",
    part: { keyword: "subset", position: 4 },
    parts: { training: 84_843, validation: 9_981, testing: 11_005 },
    whole: 105_829,
    edition: { keyword: "url", position: 1, value: "speech_commands_v0.02" },
    source: "Warden 2018, Speech Commands (arXiv:1804.03209): 105,829 utterances in v0.02; its validation_list.txt names 9,981 and testing_list.txt 11,005, the other 84,843 are torchaudio's subset=\"training\" (the PyTorch speech command tutorial's 84,843 training and 11,005 test items)",
  },
  {
    name: "YESNO",
    whole: 60,
    source: "openslr.org/1 (Yes/No corpus): 60 recordings of eight Hebrew yes/no words each",
  },
  {
    name: "LIBRISPEECH",
    part: { keyword: "url", position: 1, default: "train-clean-100" },
    parts: LIBRISPEECH_PARTS,
    source: "Panayotov et al. 2015, LibriSpeech (openslr.org/12); utterances per part as tensorflow.org/datasets/catalog/librispeech counts them (train-clean-100 28,539, train-clean-360 104,014, train-other-500 148,688)",
  },
  {
    name: "LJSPEECH",
    whole: 13_100,
    source: "Ito, Johnson 2017, The LJ Speech Dataset (keithito.com/LJ-Speech-Dataset): 13,100 clips",
  },
  {
    name: "GTZAN",
    part: { keyword: "subset", position: 4 },
    parts: { training: 443, validation: 197, testing: 290 },
    whole: 1_000,
    source: "Tzanetakis, Cook 2002, GTZAN: 1,000 30-second clips, 10 genres; torchaudio's subset= takes the fault-filtered split of Kereliuk, Sturm, Larsen 2015 (torchaudio/datasets/gtzan.py filtered_train 443, filtered_valid 197, filtered_test 290)",
  },
];

/** The table entry of a torchaudio.datasets class name. */
export function audioDatasetSize(name: string): AudioDatasetSize | undefined {
  return AUDIO_DATASET_SIZES.find((d) => d.name === name);
}

/** The recordings a data set's part holds: `part` is the part argument's value (undefined where the call leaves it
 *  out, null where it passes None); undefined when that part is not counted. */
export function audioPartSize(known: AudioDatasetSize, part: string | null | undefined): { value: number; part?: string } | undefined {
  const chosen = part === undefined ? known.part?.default ?? null : part;
  if (chosen === null) return known.whole !== undefined ? { value: known.whole } : undefined;
  const value = known.parts && Object.hasOwn(known.parts, chosen) ? known.parts[chosen] : undefined;
  return value !== undefined ? { value, part: chosen } : undefined;
}

/** Whether the file imports torchaudio (`import torchaudio`, `from torchaudio.datasets import SPEECHCOMMANDS`). */
export function importsTorchaudio(text: string): boolean {
  return /^\s*(from\s+torchaudio(\.\w+)*\s+import\b|import\s+torchaudio\b)/m.test(text);
}
