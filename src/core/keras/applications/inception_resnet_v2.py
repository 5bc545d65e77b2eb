# InceptionResNetV2 (Szegedy et al., 2017, "Inception-v4, Inception-ResNet and the Impact of Residual
# Connections"): Inception blocks whose output is scaled and added to the input, as Keras builds them.
import keras
from keras import layers
from .common import image_input, classifier_head


class ScaledResidual(layers.Layer):
    # x + scale · residual (the paper's residual scaling, section 3.3).
    def __init__(self, scale, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale

    def call(self, inputs):
        return inputs[0] + inputs[1] * self.scale


def _conv_bn(x, filters, kernel, strides=1, padding="same", activation="relu", use_bias=False):
    x = layers.Conv2D(filters, kernel, strides=strides, padding=padding, use_bias=use_bias)(x)
    if not use_bias:
        x = layers.BatchNormalization(scale=False)(x)
    if activation is not None:
        x = layers.Activation(activation)(x)
    return x


def _residual_block(x, scale, kind, activation="relu"):
    if kind == "block35":
        branches = [
            _conv_bn(x, 32, 1),
            _conv_bn(_conv_bn(x, 32, 1), 32, 3),
            _conv_bn(_conv_bn(_conv_bn(x, 32, 1), 48, 3), 64, 3),
        ]
    elif kind == "block17":
        branches = [_conv_bn(x, 192, 1), _conv_bn(_conv_bn(_conv_bn(x, 128, 1), 160, (1, 7)), 192, (7, 1))]
    else:
        branches = [_conv_bn(x, 192, 1), _conv_bn(_conv_bn(_conv_bn(x, 192, 1), 224, (1, 3)), 256, (3, 1))]
    mixed = layers.Concatenate()(branches)
    up = _conv_bn(mixed, x.shape[-1], 1, activation=None, use_bias=True)
    x = ScaledResidual(scale)([x, up])
    if activation is not None:
        x = layers.Activation(activation)(x)
    return x


def InceptionResNetV2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="inception_resnet_v2"):
    inputs = image_input(input_tensor, input_shape, 299, include_top)
    x = _conv_bn(inputs, 32, 3, strides=2, padding="valid")
    x = _conv_bn(x, 32, 3, padding="valid")
    x = _conv_bn(x, 64, 3)
    x = layers.MaxPooling2D(3, strides=2)(x)
    x = _conv_bn(x, 80, 1, padding="valid")
    x = _conv_bn(x, 192, 3, padding="valid")
    x = layers.MaxPooling2D(3, strides=2)(x)
    x = layers.Concatenate(name="mixed_5b")([
        _conv_bn(x, 96, 1),
        _conv_bn(_conv_bn(x, 48, 1), 64, 5),
        _conv_bn(_conv_bn(_conv_bn(x, 64, 1), 96, 3), 96, 3),
        _conv_bn(layers.AveragePooling2D(3, strides=1, padding="same")(x), 64, 1),
    ])
    for _ in range(10):
        x = _residual_block(x, 0.17, "block35")
    x = layers.Concatenate(name="mixed_6a")([
        _conv_bn(x, 384, 3, strides=2, padding="valid"),
        _conv_bn(_conv_bn(_conv_bn(x, 256, 1), 256, 3), 384, 3, strides=2, padding="valid"),
        layers.MaxPooling2D(3, strides=2, padding="valid")(x),
    ])
    for _ in range(20):
        x = _residual_block(x, 0.1, "block17")
    x = layers.Concatenate(name="mixed_7a")([
        _conv_bn(_conv_bn(x, 256, 1), 384, 3, strides=2, padding="valid"),
        _conv_bn(_conv_bn(x, 256, 1), 288, 3, strides=2, padding="valid"),
        _conv_bn(_conv_bn(_conv_bn(x, 256, 1), 288, 3), 320, 3, strides=2, padding="valid"),
        layers.MaxPooling2D(3, strides=2, padding="valid")(x),
    ])
    for _ in range(9):
        x = _residual_block(x, 0.2, "block8")
    x = _residual_block(x, 1.0, "block8", activation=None)
    x = _conv_bn(x, 1536, 1)
    x = classifier_head(x, include_top, pooling, classes, classifier_activation)
    return keras.Model(inputs, x, name=name)
