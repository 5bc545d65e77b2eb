# Xception (Chollet, 2017): entry flow, eight middle-flow blocks and exit flow of separable convolutions.
import keras
from keras import layers
from .common import image_input, classifier_head


def _sep_bn(x, filters, name, relu_first=True):
    if relu_first:
        x = layers.Activation("relu", name=name + "_act")(x)
    x = layers.SeparableConv2D(filters, 3, padding="same", use_bias=False, name=name)(x)
    return layers.BatchNormalization(name=name + "_bn")(x)


def _down_block(x, filters, name, relu_first=True):
    residual = layers.Conv2D(filters[1], 1, strides=2, padding="same", use_bias=False)(x)
    residual = layers.BatchNormalization()(residual)
    x = _sep_bn(x, filters[0], name + "_sepconv1", relu_first)
    x = _sep_bn(x, filters[1], name + "_sepconv2")
    x = layers.MaxPooling2D(3, strides=2, padding="same", name=name + "_pool")(x)
    return layers.Add()([x, residual])


def Xception(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="xception"):
    inputs = image_input(input_tensor, input_shape, 299, include_top)
    x = layers.Conv2D(32, 3, strides=2, use_bias=False, name="block1_conv1")(inputs)
    x = layers.BatchNormalization(name="block1_conv1_bn")(x)
    x = layers.Activation("relu", name="block1_conv1_act")(x)
    x = layers.Conv2D(64, 3, use_bias=False, name="block1_conv2")(x)
    x = layers.BatchNormalization(name="block1_conv2_bn")(x)
    x = layers.Activation("relu", name="block1_conv2_act")(x)
    x = _down_block(x, (128, 128), "block2", relu_first=False)
    x = _down_block(x, (256, 256), "block3")
    x = _down_block(x, (728, 728), "block4")
    for i in range(8):
        residual = x
        prefix = "block" + str(i + 5)
        for j in range(3):
            x = _sep_bn(x, 728, prefix + "_sepconv" + str(j + 1))
        x = layers.Add()([x, residual])
    x = _down_block(x, (728, 1024), "block13")
    x = layers.SeparableConv2D(1536, 3, padding="same", use_bias=False, name="block14_sepconv1")(x)
    x = layers.BatchNormalization(name="block14_sepconv1_bn")(x)
    x = layers.Activation("relu", name="block14_sepconv1_act")(x)
    x = layers.SeparableConv2D(2048, 3, padding="same", use_bias=False, name="block14_sepconv2")(x)
    x = layers.BatchNormalization(name="block14_sepconv2_bn")(x)
    x = layers.Activation("relu", name="block14_sepconv2_act")(x)
    x = classifier_head(x, include_top, pooling, classes, classifier_activation)
    return keras.Model(inputs, x, name=name)
