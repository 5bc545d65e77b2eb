# EfficientNetV2 B0-B3, S, M, L (Tan and Le, 2021, "EfficientNetV2: Smaller Models and Faster Training"): fused
# MBConv blocks in the early stages, MBConv with squeeze-and-excitation later; stage tables of the paper's Table 4
# (S) and the reference implementation (B0, M, L), as Keras builds them.
import math
import keras
from keras import layers

# (kernel, repeats, input filters, output filters, expansion, squeeze-excite ratio, stride, fused)
_B0 = (
    (3, 1, 32, 16, 1, 0, 1, True), (3, 2, 16, 32, 4, 0, 2, True), (3, 2, 32, 48, 4, 0, 2, True),
    (3, 3, 48, 96, 4, 0.25, 2, False), (3, 5, 96, 112, 6, 0.25, 1, False), (3, 8, 112, 192, 6, 0.25, 2, False),
)
_S = (
    (3, 2, 24, 24, 1, 0, 1, True), (3, 4, 24, 48, 4, 0, 2, True), (3, 4, 48, 64, 4, 0, 2, True),
    (3, 6, 64, 128, 4, 0.25, 2, False), (3, 9, 128, 160, 6, 0.25, 1, False), (3, 15, 160, 256, 6, 0.25, 2, False),
)
_M = (
    (3, 3, 24, 24, 1, 0, 1, True), (3, 5, 24, 48, 4, 0, 2, True), (3, 5, 48, 80, 4, 0, 2, True),
    (3, 7, 80, 160, 4, 0.25, 2, False), (3, 14, 160, 176, 6, 0.25, 1, False), (3, 18, 176, 304, 6, 0.25, 2, False),
    (3, 5, 304, 512, 6, 0.25, 1, False),
)
_L = (
    (3, 4, 32, 32, 1, 0, 1, True), (3, 7, 32, 64, 4, 0, 2, True), (3, 7, 64, 96, 4, 0, 2, True),
    (3, 10, 96, 192, 4, 0.25, 2, False), (3, 19, 192, 224, 6, 0.25, 1, False), (3, 25, 224, 384, 6, 0.25, 2, False),
    (3, 7, 384, 640, 6, 0.25, 1, False),
)


def _round_filters(filters, width, divisor=8):
    filters = filters * width
    return int(max(divisor, int(filters + divisor / 2) // divisor * divisor))


def _bn(x, name):
    return layers.BatchNormalization(momentum=0.9, name=name)(x)


def _mbconv(x, kernel, in_filters, out_filters, expansion, se_ratio, stride, name):
    inputs = x
    filters = in_filters * expansion
    if expansion != 1:
        x = layers.Conv2D(filters, 1, padding="same", use_bias=False, name=name + "expand_conv")(x)
        x = layers.Activation("swish", name=name + "expand_activation")(_bn(x, name + "expand_bn"))
    x = layers.DepthwiseConv2D(kernel, strides=stride, padding="same", use_bias=False, name=name + "dwconv2")(x)
    x = layers.Activation("swish", name=name + "activation")(_bn(x, name + "bn"))
    if 0 < se_ratio <= 1:
        se = layers.GlobalAveragePooling2D(name=name + "se_squeeze")(x)
        se = layers.Reshape((1, 1, filters), name=name + "se_reshape")(se)
        se = layers.Conv2D(max(1, int(in_filters * se_ratio)), 1, padding="same", activation="swish", name=name + "se_reduce")(se)
        se = layers.Conv2D(filters, 1, padding="same", activation="sigmoid", name=name + "se_expand")(se)
        x = layers.Multiply(name=name + "se_excite")([x, se])
    x = layers.Conv2D(out_filters, 1, padding="same", use_bias=False, name=name + "project_conv")(x)
    x = _bn(x, name + "project_bn")
    if stride == 1 and in_filters == out_filters:
        x = layers.Add(name=name + "add")([x, inputs])
    return x


def _fused_mbconv(x, kernel, in_filters, out_filters, expansion, stride, name):
    inputs = x
    if expansion != 1:
        x = layers.Conv2D(in_filters * expansion, kernel, strides=stride, padding="same", use_bias=False, name=name + "expand_conv")(x)
        x = layers.Activation("swish", name=name + "expand_activation")(_bn(x, name + "expand_bn"))
        x = layers.Conv2D(out_filters, 1, padding="same", use_bias=False, name=name + "project_conv")(x)
        x = _bn(x, name + "project_bn")
    else:
        x = layers.Conv2D(out_filters, kernel, strides=stride, padding="same", use_bias=False, name=name + "project_conv")(x)
        x = layers.Activation("swish", name=name + "project_activation")(_bn(x, name + "project_bn"))
    if stride == 1 and in_filters == out_filters:
        x = layers.Add(name=name + "add")([x, inputs])
    return x


def _efficientnet_v2(blocks, width, depth, size, dropout, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name):
    if input_tensor is not None:
        inputs = input_tensor
    else:
        inputs = layers.Input(shape=input_shape or ((size, size, 3) if include_top else (None, None, 3)))
    x = layers.Rescaling(scale=1.0 / 128.0, offset=-1)(inputs)
    x = layers.Conv2D(_round_filters(blocks[0][2], width), 3, strides=2, padding="same", use_bias=False, name="stem_conv")(x)
    x = layers.Activation("swish", name="stem_activation")(_bn(x, "stem_bn"))
    for i, (kernel, repeats, in_filters, out_filters, expansion, se_ratio, stride, fused) in enumerate(blocks):
        in_filters = _round_filters(in_filters, width)
        out_filters = _round_filters(out_filters, width)
        for j in range(int(math.ceil(depth * repeats))):
            block_name = "block" + str(i + 1) + "abcdefghijklmnopqrstuvwxyz"[j % 26] + "_"
            block_in = in_filters if j == 0 else out_filters
            block_stride = stride if j == 0 else 1
            if fused:
                x = _fused_mbconv(x, kernel, block_in, out_filters, expansion, block_stride, block_name)
            else:
                x = _mbconv(x, kernel, block_in, out_filters, expansion, se_ratio, block_stride, block_name)
    x = layers.Conv2D(_round_filters(1280, width), 1, padding="same", use_bias=False, name="top_conv")(x)
    x = layers.Activation("swish", name="top_activation")(_bn(x, "top_bn"))
    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        x = layers.Dropout(dropout, name="top_dropout")(x)
        x = layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    elif pooling == "avg":
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    elif pooling == "max":
        x = layers.GlobalMaxPooling2D(name="max_pool")(x)
    return keras.Model(inputs, x, name=name)


def EfficientNetV2B0(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", include_preprocessing=True, name="efficientnetv2-b0"):
    return _efficientnet_v2(_B0, 1.0, 1.0, 224, 0.2, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetV2B1(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", include_preprocessing=True, name="efficientnetv2-b1"):
    return _efficientnet_v2(_B0, 1.0, 1.1, 240, 0.2, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetV2B2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", include_preprocessing=True, name="efficientnetv2-b2"):
    return _efficientnet_v2(_B0, 1.1, 1.2, 260, 0.3, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetV2B3(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", include_preprocessing=True, name="efficientnetv2-b3"):
    return _efficientnet_v2(_B0, 1.2, 1.4, 300, 0.3, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetV2S(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", include_preprocessing=True, name="efficientnetv2-s"):
    return _efficientnet_v2(_S, 1.0, 1.0, 384, 0.2, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetV2M(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", include_preprocessing=True, name="efficientnetv2-m"):
    return _efficientnet_v2(_M, 1.0, 1.0, 480, 0.2, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def EfficientNetV2L(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", include_preprocessing=True, name="efficientnetv2-l"):
    return _efficientnet_v2(_L, 1.0, 1.0, 480, 0.4, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)
