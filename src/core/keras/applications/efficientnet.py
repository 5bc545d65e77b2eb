# EfficientNetB0-B7 (Tan and Le, 2019): MBConv blocks with squeeze-and-excitation, scaled by width, depth and
# resolution coefficients; Keras's in-model preprocessing (Rescaling, then a Normalization layer whose mean,
# variance and count are non-trainable weights).
import math
import keras
from keras import layers
from .common import image_input, classifier_head

# (kernel, repeats, input filters, output filters, expansion, stride, squeeze-excite ratio): the B0 baseline.
_BLOCKS = (
    (3, 1, 32, 16, 1, 1, 0.25),
    (3, 2, 16, 24, 6, 2, 0.25),
    (5, 2, 24, 40, 6, 2, 0.25),
    (3, 3, 40, 80, 6, 2, 0.25),
    (5, 3, 80, 112, 6, 1, 0.25),
    (5, 4, 112, 192, 6, 2, 0.25),
    (3, 1, 192, 320, 6, 1, 0.25),
)


def _round_filters(filters, width, divisor=8):
    filters = filters * width
    new_filters = max(divisor, int(filters + divisor / 2) // divisor * divisor)
    if new_filters < 0.9 * filters:
        new_filters += divisor
    return int(new_filters)


def _mbconv(x, kernel, in_filters, out_filters, expansion, stride, se_ratio, drop, name):
    inputs = x
    filters = in_filters * expansion
    if expansion != 1:
        x = layers.Conv2D(filters, 1, padding="same", use_bias=False, name=name + "expand_conv")(x)
        x = layers.BatchNormalization(name=name + "expand_bn")(x)
        x = layers.Activation("swish", name=name + "expand_activation")(x)
    x = layers.DepthwiseConv2D(kernel, strides=stride, padding="same", use_bias=False, name=name + "dwconv")(x)
    x = layers.BatchNormalization(name=name + "bn")(x)
    x = layers.Activation("swish", name=name + "activation")(x)
    squeezed = max(1, int(in_filters * se_ratio))
    se = layers.GlobalAveragePooling2D(name=name + "se_squeeze")(x)
    se = layers.Reshape((1, 1, filters), name=name + "se_reshape")(se)
    se = layers.Conv2D(squeezed, 1, padding="same", activation="swish", name=name + "se_reduce")(se)
    se = layers.Conv2D(filters, 1, padding="same", activation="sigmoid", name=name + "se_expand")(se)
    x = layers.Multiply(name=name + "se_excite")([x, se])
    x = layers.Conv2D(out_filters, 1, padding="same", use_bias=False, name=name + "project_conv")(x)
    x = layers.BatchNormalization(name=name + "project_bn")(x)
    if stride == 1 and in_filters == out_filters:
        if drop > 0:
            x = layers.Dropout(drop, noise_shape=(None, 1, 1, 1), name=name + "drop")(x)
        x = layers.Add(name=name + "add")([x, inputs])
    return x


def _efficientnet(width, depth, size, dropout, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name):
    inputs = image_input(input_tensor, input_shape, size, include_top)
    x = layers.Rescaling(1.0 / 255.0)(inputs)
    x = layers.Normalization(axis=-1)(x)
    x = layers.Conv2D(_round_filters(32, width), 3, strides=2, padding="same", use_bias=False, name="stem_conv")(x)
    x = layers.BatchNormalization(name="stem_bn")(x)
    x = layers.Activation("swish", name="stem_activation")(x)
    total = sum(int(math.ceil(depth * b[1])) for b in _BLOCKS)
    done = 0
    for i, (kernel, repeats, in_filters, out_filters, expansion, stride, se_ratio) in enumerate(_BLOCKS):
        in_filters = _round_filters(in_filters, width)
        out_filters = _round_filters(out_filters, width)
        for j in range(int(math.ceil(depth * repeats))):
            name_j = "block" + str(i + 1) + "abcdefghijklmnopqrstuvwxyz"[j] + "_"
            x = _mbconv(x, kernel, in_filters if j == 0 else out_filters, out_filters, expansion, stride if j == 0 else 1, se_ratio, 0.2 * done / total, name_j)
            done += 1
    x = layers.Conv2D(_round_filters(1280, width), 1, padding="same", use_bias=False, name="top_conv")(x)
    x = layers.BatchNormalization(name="top_bn")(x)
    x = layers.Activation("swish", name="top_activation")(x)
    x = classifier_head(x, include_top, pooling, classes, classifier_activation, dropout)
    return keras.Model(inputs, x, name=name)


def EfficientNetB0(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="efficientnetb0"):
    return _efficientnet(1.0, 1.0, 224, 0.2, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetB1(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="efficientnetb1"):
    return _efficientnet(1.0, 1.1, 240, 0.2, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetB2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="efficientnetb2"):
    return _efficientnet(1.1, 1.2, 260, 0.3, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetB3(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="efficientnetb3"):
    return _efficientnet(1.2, 1.4, 300, 0.3, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetB4(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="efficientnetb4"):
    return _efficientnet(1.4, 1.8, 380, 0.4, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetB5(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="efficientnetb5"):
    return _efficientnet(1.6, 2.2, 456, 0.4, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetB6(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="efficientnetb6"):
    return _efficientnet(1.8, 2.6, 528, 0.5, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetB7(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="efficientnetb7"):
    return _efficientnet(2.0, 3.1, 600, 0.5, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)
