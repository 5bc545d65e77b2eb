// Keras 2.x's `TimeseriesGenerator(data, targets, length, sampling_rate=1, stride=1, start_index=0, end_index=None,
// shuffle=False, reverse=False, batch_size=128)` (keras/preprocessing/sequence.py, Keras 2.2-2.15 and tf.keras up to
// TF 2.15; removed in Keras 3): a keras.utils.Sequence of windows over a series. Our own compact Python written from
// that source: the first window ends at start_index + length, the last at end_index (len(data) - 1 when not given),
// one every `stride` rows, `batch_size` windows a batch; `__len__` is its own formula. A fit on it then reads its
// batch, len() and samples as any Sequence's (training-plan.ts). Only the rows are modelled: an item holds zeros of
// (windows, window length), without the series' feature axes, which fit's figures do not need.
import type { NativeCall, Value } from "../interp/values";
import { unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";

const MODULE = "keras.preprocessing.timeseries_generator";

const SOURCE = `import numpy as np


class TimeseriesGenerator(object):
    def __init__(self, data, targets, length, sampling_rate=1, stride=1, start_index=0, end_index=None,
                 shuffle=False, reverse=False, batch_size=128):
        self.data = data
        self.targets = targets
        self.length = length
        self.sampling_rate = sampling_rate
        self.stride = stride
        self.start_index = start_index + length
        if end_index is None:
            end_index = len(data) - 1
        self.end_index = end_index
        self.shuffle = shuffle
        self.reverse = reverse
        self.batch_size = batch_size
        if self.start_index > self.end_index:
            raise ValueError("start_index+length=%i > end_index=%i is disallowed" % (self.start_index, self.end_index))

    def __len__(self):
        return (self.end_index - self.start_index + self.batch_size * self.stride) // (self.batch_size * self.stride)

    def __getitem__(self, index):
        i = self.start_index + self.batch_size * self.stride * index
        rows = len(range(i, min(i + self.batch_size * self.stride, self.end_index + 1), self.stride))
        window = len(range(0, self.length, self.sampling_rate))
        return np.zeros((rows, window)), np.zeros((rows,))
`;

/** Virtual file of the TimeseriesGenerator stand-in (path under site-packages → Python text). */
export const timeseriesGeneratorPackage: [string, string][] = [["keras/preprocessing/timeseries_generator.py", SOURCE]];

/** `TimeseriesGenerator(...)` of keras.preprocessing.sequence: an instance of the stand-in class, loaded on first use. */
export function timeseriesGenerator(interp: () => Interpreter): (call: NativeCall) => Value {
  return (call) => {
    const loaded = interp().loader.importModule(MODULE, 0, interp().currentLocation?.file ?? "");
    const cls = loaded?.kind === "namespace" ? loaded.scope.names.get("TimeseriesGenerator") : undefined;
    if (!cls) return unknown("TimeseriesGenerator: the analyzer's stand-in did not load");
    return interp().call(cls, call.args, call.kwargs);
  };
}
