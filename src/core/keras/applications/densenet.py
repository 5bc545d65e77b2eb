# DenseNet121/169/201 (Huang et al., 2017): dense blocks of BN-ReLU-Conv bottlenecks (growth 32), 0.5 transitions.
import keras
from keras import layers
from .common import image_input, classifier_head


def _dense_layer(x, name):
    y = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_0_bn")(x)
    y = layers.Activation("relu", name=name + "_0_relu")(y)
    y = layers.Conv2D(4 * 32, 1, use_bias=False, name=name + "_1_conv")(y)
    y = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_1_bn")(y)
    y = layers.Activation("relu", name=name + "_1_relu")(y)
    y = layers.Conv2D(32, 3, padding="same", use_bias=False, name=name + "_2_conv")(y)
    return layers.Concatenate(name=name + "_concat")([x, y])


def _transition(x, channels, name):
    x = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_bn")(x)
    x = layers.Activation("relu", name=name + "_relu")(x)
    x = layers.Conv2D(int(channels * 0.5), 1, use_bias=False, name=name + "_conv")(x)
    return layers.AveragePooling2D(2, strides=2, name=name + "_pool")(x)


def _densenet(blocks, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name):
    inputs = image_input(input_tensor, input_shape, 224, include_top)
    x = layers.ZeroPadding2D(3)(inputs)
    x = layers.Conv2D(64, 7, strides=2, use_bias=False, name="conv1_conv")(x)
    x = layers.BatchNormalization(epsilon=1.001e-5, name="conv1_bn")(x)
    x = layers.Activation("relu", name="conv1_relu")(x)
    x = layers.ZeroPadding2D(1)(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1")(x)
    channels = 64
    for b, count in enumerate(blocks):
        for i in range(count):
            x = _dense_layer(x, "conv" + str(b + 2) + "_block" + str(i + 1))
        channels += 32 * count
        if b < len(blocks) - 1:
            x = _transition(x, channels, "pool" + str(b + 2))
            channels = int(channels * 0.5)
    x = layers.BatchNormalization(epsilon=1.001e-5, name="bn")(x)
    x = layers.Activation("relu", name="relu")(x)
    x = classifier_head(x, include_top, pooling, classes, classifier_activation)
    return keras.Model(inputs, x, name=name)


def DenseNet121(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="densenet121"):
    return _densenet((6, 12, 24, 16), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def DenseNet169(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="densenet169"):
    return _densenet((6, 12, 32, 32), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def DenseNet201(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="densenet201"):
    return _densenet((6, 12, 48, 32), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)
