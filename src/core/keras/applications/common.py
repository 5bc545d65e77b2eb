# Shared helpers of the built-in keras.applications definitions: input handling and the classifier head.
from keras import layers


def image_input(input_tensor, input_shape, default_size, include_top):
    # Keras's obtain_input_shape with weights ignored: the default size with the classifier, free size without.
    if input_tensor is not None:
        return input_tensor
    if input_shape is None:
        input_shape = (default_size, default_size, 3) if include_top else (None, None, 3)
    return layers.Input(shape=input_shape)


# Channel counts rounded to a multiple of divisor, never more than 10% below the value (MobileNet V2/V3 papers'
# width-multiplier rounding, as keras/src/applications/mobilenet_v2.py and mobilenet_v3.py write it).
def make_divisible(value, divisor=8, min_value=None):
    if min_value is None:
        min_value = divisor
    new_value = max(min_value, int(value + divisor / 2) // divisor * divisor)
    if new_value < 0.9 * value:
        new_value += divisor
    return new_value


# preprocess_input of each family (keras/src/applications/imagenet_utils.py modes). Only shapes matter to the
# analyzer: each is element-wise arithmetic on the image (caffe's RGB->BGR flip is a view).
def caffe_preprocess(x, data_format=None):
    return x - 116.0


def tf_preprocess(x, data_format=None):
    return x / 127.5 - 1.0


def torch_preprocess(x, data_format=None):
    return (x / 255.0 - 0.45) / 0.225


def identity_preprocess(x, data_format=None):
    return x


def classifier_head(x, include_top, pooling, classes, classifier_activation, dropout=None):
    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        if dropout:
            x = layers.Dropout(dropout, name="top_dropout")(x)
        return layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    if pooling == "avg":
        return layers.GlobalAveragePooling2D(name="avg_pool")(x)
    if pooling == "max":
        return layers.GlobalMaxPooling2D(name="max_pool")(x)
    return x
