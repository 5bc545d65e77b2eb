# MobileNet (Howard et al., 2017: depthwise separable convolutions, width multiplier alpha) and MobileNetV2
# (Sandler et al., 2018: inverted residuals with linear bottlenecks), with Keras's layer choices (no conv biases,
# ReLU6, V1's 1x1-convolution classifier).
import keras
from keras import layers
from .common import image_input, classifier_head, make_divisible as _make_divisible


def _conv_bn_relu6(x, filters, kernel, stride, name):
    x = layers.Conv2D(filters, kernel, strides=stride, padding="same", use_bias=False, name=name)(x)
    x = layers.BatchNormalization(name=name + "_bn")(x)
    return layers.ReLU(6.0, name=name + "_relu")(x)


def MobileNet(input_shape=None, alpha=1.0, depth_multiplier=1, dropout=1e-3, include_top=True, weights="imagenet", input_tensor=None, pooling=None, classes=1000, classifier_activation="softmax", name=None):
    inputs = image_input(input_tensor, input_shape, 224, include_top)
    x = _conv_bn_relu6(inputs, int(32 * alpha), 3, 2, "conv1")
    plan = ((64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1), (512, 1), (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1))
    for i, (filters, stride) in enumerate(plan):
        block = str(i + 1)
        x = layers.DepthwiseConv2D(3, strides=stride, padding="same", depth_multiplier=depth_multiplier, use_bias=False, name="conv_dw_" + block)(x)
        x = layers.BatchNormalization(name="conv_dw_" + block + "_bn")(x)
        x = layers.ReLU(6.0, name="conv_dw_" + block + "_relu")(x)
        x = _conv_bn_relu6(x, int(filters * alpha), 1, 1, "conv_pw_" + block)
    if include_top:
        x = layers.GlobalAveragePooling2D(keepdims=True)(x)
        x = layers.Dropout(dropout, name="dropout")(x)
        x = layers.Conv2D(classes, 1, padding="same", name="conv_preds")(x)
        x = layers.Reshape((classes,), name="reshape_2")(x)
        x = layers.Activation(classifier_activation, name="predictions")(x)
    else:
        x = classifier_head(x, False, pooling, classes, classifier_activation)
    return keras.Model(inputs, x, name=name or "mobilenet_" + str(alpha) + "_224")


def _inverted_residual(x, in_channels, expansion, stride, alpha, filters, block_id):
    prefix = "block_" + str(block_id) + "_"
    pointwise_filters = _make_divisible(int(filters * alpha), 8)
    inputs = x
    if block_id:
        x = layers.Conv2D(expansion * in_channels, 1, padding="same", use_bias=False, name=prefix + "expand")(x)
        x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name=prefix + "expand_BN")(x)
        x = layers.ReLU(6.0, name=prefix + "expand_relu")(x)
    else:
        prefix = "expanded_conv_"
    x = layers.DepthwiseConv2D(3, strides=stride, padding="same", use_bias=False, name=prefix + "depthwise")(x)
    x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name=prefix + "depthwise_BN")(x)
    x = layers.ReLU(6.0, name=prefix + "depthwise_relu")(x)
    x = layers.Conv2D(pointwise_filters, 1, padding="same", use_bias=False, name=prefix + "project")(x)
    x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name=prefix + "project_BN")(x)
    if in_channels == pointwise_filters and stride == 1:
        x = layers.Add(name=prefix + "add")([inputs, x])
    return x, pointwise_filters


def MobileNetV2(input_shape=None, alpha=1.0, include_top=True, weights="imagenet", input_tensor=None, pooling=None, classes=1000, classifier_activation="softmax", name=None):
    inputs = image_input(input_tensor, input_shape, 224, include_top)
    channels = _make_divisible(32 * alpha, 8)
    x = layers.Conv2D(channels, 3, strides=2, padding="same", use_bias=False, name="Conv1")(inputs)
    x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name="bn_Conv1")(x)
    x = layers.ReLU(6.0, name="Conv1_relu")(x)
    # (expansion t, output channels c, repeats n, first stride s) from the paper's Table 2.
    settings = ((1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1))
    block_id = 0
    for t, c, n, s in settings:
        for i in range(n):
            x, channels = _inverted_residual(x, channels, t, s if i == 0 else 1, alpha, c, block_id)
            block_id += 1
    last = _make_divisible(1280 * alpha, 8) if alpha > 1.0 else 1280
    x = layers.Conv2D(last, 1, use_bias=False, name="Conv_1")(x)
    x = layers.BatchNormalization(epsilon=1e-3, momentum=0.999, name="Conv_1_bn")(x)
    x = layers.ReLU(6.0, name="out_relu")(x)
    x = classifier_head(x, include_top, pooling, classes, classifier_activation)
    return keras.Model(inputs, x, name=name or "mobilenetv2_" + str(alpha) + "_224")
