# MobileNetV3 Small and Large (Howard et al., 2019, "Searching for MobileNetV3", Tables 1 and 2): inverted
# residuals with squeeze-and-excitation and hard-swish, as Keras builds them (preprocessing Rescaling inside the
# model, a 1x1-convolution classifier).
import keras
from keras import layers
from .common import make_divisible as _make_divisible


def _se(x, filters, ratio, prefix):
    se = layers.GlobalAveragePooling2D(keepdims=True, name=prefix + "squeeze_excite_avg_pool")(x)
    se = layers.Conv2D(_make_divisible(filters * ratio), 1, padding="same", name=prefix + "squeeze_excite_conv")(se)
    se = layers.ReLU(name=prefix + "squeeze_excite_relu")(se)
    se = layers.Conv2D(filters, 1, padding="same", name=prefix + "squeeze_excite_conv_1")(se)
    se = layers.Activation("hard_sigmoid", name=prefix + "squeeze_excite_hard_sigmoid")(se)
    return layers.Multiply(name=prefix + "squeeze_excite_mul")([x, se])


def _block(x, in_channels, expansion, filters, kernel, stride, se_ratio, activation, block_id):
    shortcut = x
    prefix = "expanded_conv_" + str(block_id) + "_" if block_id else "expanded_conv_"
    channels = in_channels
    if block_id:
        channels = _make_divisible(in_channels * expansion)
        x = layers.Conv2D(channels, 1, padding="same", use_bias=False, name=prefix + "expand")(x)
        x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name=prefix + "expand_bn")(x)
        x = layers.Activation(activation, name=prefix + "expand_activation")(x)
    x = layers.DepthwiseConv2D(kernel, strides=stride, padding="same", use_bias=False, name=prefix + "depthwise")(x)
    x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name=prefix + "depthwise_bn")(x)
    x = layers.Activation(activation, name=prefix + "depthwise_activation")(x)
    if se_ratio:
        x = _se(x, channels, se_ratio, prefix)
    x = layers.Conv2D(filters, 1, padding="same", use_bias=False, name=prefix + "project")(x)
    x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name=prefix + "project_bn")(x)
    if stride == 1 and in_channels == filters:
        x = layers.Add(name=prefix + "add")([shortcut, x])
    return x, filters


# (expansion, output channels, kernel, stride, squeeze-excite, activation) per block.
_SMALL = (
    (1, 16, 3, 2, True, "relu"), (72.0 / 16, 24, 3, 2, False, "relu"), (88.0 / 24, 24, 3, 1, False, "relu"),
    (4, 40, 5, 2, True, "hard_swish"), (6, 40, 5, 1, True, "hard_swish"), (6, 40, 5, 1, True, "hard_swish"),
    (3, 48, 5, 1, True, "hard_swish"), (3, 48, 5, 1, True, "hard_swish"), (6, 96, 5, 2, True, "hard_swish"),
    (6, 96, 5, 1, True, "hard_swish"), (6, 96, 5, 1, True, "hard_swish"),
)
_LARGE = (
    (1, 16, 3, 1, False, "relu"), (4, 24, 3, 2, False, "relu"), (3, 24, 3, 1, False, "relu"),
    (3, 40, 5, 2, True, "relu"), (3, 40, 5, 1, True, "relu"), (3, 40, 5, 1, True, "relu"),
    (6, 80, 3, 2, False, "hard_swish"), (2.5, 80, 3, 1, False, "hard_swish"), (2.3, 80, 3, 1, False, "hard_swish"),
    (2.3, 80, 3, 1, False, "hard_swish"), (6, 112, 3, 1, True, "hard_swish"), (6, 112, 3, 1, True, "hard_swish"),
    (6, 160, 5, 2, True, "hard_swish"), (6, 160, 5, 1, True, "hard_swish"), (6, 160, 5, 1, True, "hard_swish"),
)


def _mobilenet_v3(plan, last_point, input_shape, alpha, include_top, input_tensor, classes, pooling, dropout_rate, classifier_activation, include_preprocessing, name):
    if input_tensor is not None:
        inputs = input_tensor
    else:
        inputs = layers.Input(shape=input_shape or ((224, 224, 3) if include_top else (None, None, 3)))
    x = inputs
    if include_preprocessing:
        x = layers.Rescaling(scale=1.0 / 127.5, offset=-1.0)(x)
    x = layers.Conv2D(16, 3, strides=2, padding="same", use_bias=False, name="conv")(x)
    x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name="conv_bn")(x)
    x = layers.Activation("hard_swish", name="conv_activation")(x)
    channels = 16
    for i, (expansion, filters, kernel, stride, se, activation) in enumerate(plan):
        x, channels = _block(x, channels, expansion, _make_divisible(filters * alpha), kernel, stride, 0.25 if se else None, activation, i)
    last_conv = _make_divisible(channels * 6)
    if alpha > 1.0:
        last_point = _make_divisible(last_point * alpha)
    x = layers.Conv2D(last_conv, 1, padding="same", use_bias=False, name="conv_1")(x)
    x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name="conv_1_bn")(x)
    x = layers.Activation("hard_swish", name="conv_1_activation")(x)
    if include_top:
        x = layers.GlobalAveragePooling2D(keepdims=True)(x)
        x = layers.Conv2D(last_point, 1, padding="same", use_bias=True, name="conv_2")(x)
        x = layers.Activation("hard_swish", name="conv_2_activation")(x)
        if dropout_rate > 0:
            x = layers.Dropout(dropout_rate)(x)
        x = layers.Conv2D(classes, 1, padding="same", name="logits")(x)
        x = layers.Flatten()(x)
        x = layers.Activation(classifier_activation, name="predictions")(x)
    elif pooling == "avg":
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    elif pooling == "max":
        x = layers.GlobalMaxPooling2D(name="max_pool")(x)
    return keras.Model(inputs, x, name=name)


def MobileNetV3Small(input_shape=None, alpha=1.0, minimalistic=False, include_top=True, weights="imagenet", input_tensor=None, classes=1000, pooling=None, dropout_rate=0.2, classifier_activation="softmax", include_preprocessing=True, name="MobileNetV3Small"):
    return _mobilenet_v3(_SMALL, 1024, input_shape, alpha, include_top, input_tensor, classes, pooling, dropout_rate, classifier_activation, include_preprocessing, name)


def MobileNetV3Large(input_shape=None, alpha=1.0, minimalistic=False, include_top=True, weights="imagenet", input_tensor=None, classes=1000, pooling=None, dropout_rate=0.2, classifier_activation="softmax", include_preprocessing=True, name="MobileNetV3Large"):
    return _mobilenet_v3(_LARGE, 1280, input_shape, alpha, include_top, input_tensor, classes, pooling, dropout_rate, classifier_activation, include_preprocessing, name)
