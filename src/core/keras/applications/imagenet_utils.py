# keras.applications.imagenet_utils as Keras 2 application code imports it (keras-applications 1.0.8
# imagenet_utils.py: _obtain_input_shape, decode_predictions, preprocess_input). Weights are never loaded, so the
# shape is the one Keras picks without them: the given input_shape, else the default size with the classifier
# (require_flatten, spelled include_top in Keras 2.0), else free spatial dims.
from .common import caffe_preprocess as preprocess_input


def _obtain_input_shape(input_shape, default_size, min_size, data_format, require_flatten=None, weights=None, include_top=None):
    if require_flatten is None:
        require_flatten = include_top
    if input_shape is not None:
        return tuple(input_shape)
    if data_format == "channels_first":
        return (3, default_size, default_size) if require_flatten else (3, None, None)
    return (default_size, default_size, 3) if require_flatten else (None, None, 3)


obtain_input_shape = _obtain_input_shape


def decode_predictions(preds, top=5):
    return []
