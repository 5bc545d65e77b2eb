# InceptionV3 (Szegedy et al., 2016, "Rethinking the Inception Architecture"): factorised 7x7 and 3x3 branches;
# every convolution without bias, followed by BatchNormalization without scale, as Keras builds it.
import keras
from keras import layers
from .common import image_input, classifier_head


def _conv_bn(x, filters, kernel, strides=1, padding="same"):
    x = layers.Conv2D(filters, kernel, strides=strides, padding=padding, use_bias=False)(x)
    x = layers.BatchNormalization(scale=False)(x)
    return layers.Activation("relu")(x)


def _pool_branch(x, filters):
    return _conv_bn(layers.AveragePooling2D(3, strides=1, padding="same")(x), filters, 1)


def _block_35(x, pool_filters, name):
    b1 = _conv_bn(x, 64, 1)
    b5 = _conv_bn(_conv_bn(x, 48, 1), 64, 5)
    b3 = _conv_bn(_conv_bn(_conv_bn(x, 64, 1), 96, 3), 96, 3)
    return layers.Concatenate(name=name)([b1, b5, b3, _pool_branch(x, pool_filters)])


def _block_17(x, width, name):
    b1 = _conv_bn(x, 192, 1)
    b7 = _conv_bn(_conv_bn(_conv_bn(x, width, 1), width, (1, 7)), 192, (7, 1))
    d = _conv_bn(x, width, 1)
    d = _conv_bn(d, width, (7, 1))
    d = _conv_bn(d, width, (1, 7))
    d = _conv_bn(d, width, (7, 1))
    d = _conv_bn(d, 192, (1, 7))
    return layers.Concatenate(name=name)([b1, b7, d, _pool_branch(x, 192)])


def _block_8(x, name):
    b1 = _conv_bn(x, 320, 1)
    b3 = _conv_bn(x, 384, 1)
    b3 = layers.Concatenate()([_conv_bn(b3, 384, (1, 3)), _conv_bn(b3, 384, (3, 1))])
    d = _conv_bn(_conv_bn(x, 448, 1), 384, 3)
    d = layers.Concatenate()([_conv_bn(d, 384, (1, 3)), _conv_bn(d, 384, (3, 1))])
    return layers.Concatenate(name=name)([b1, b3, d, _pool_branch(x, 192)])


def InceptionV3(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="inception_v3"):
    inputs = image_input(input_tensor, input_shape, 299, include_top)
    x = _conv_bn(inputs, 32, 3, strides=2, padding="valid")
    x = _conv_bn(x, 32, 3, padding="valid")
    x = _conv_bn(x, 64, 3)
    x = layers.MaxPooling2D(3, strides=2)(x)
    x = _conv_bn(x, 80, 1, padding="valid")
    x = _conv_bn(x, 192, 3, padding="valid")
    x = layers.MaxPooling2D(3, strides=2)(x)
    x = _block_35(x, 32, "mixed0")
    x = _block_35(x, 64, "mixed1")
    x = _block_35(x, 64, "mixed2")
    b3 = _conv_bn(x, 384, 3, strides=2, padding="valid")
    d = _conv_bn(_conv_bn(_conv_bn(x, 64, 1), 96, 3), 96, 3, strides=2, padding="valid")
    x = layers.Concatenate(name="mixed3")([b3, d, layers.MaxPooling2D(3, strides=2)(x)])
    x = _block_17(x, 128, "mixed4")
    x = _block_17(x, 160, "mixed5")
    x = _block_17(x, 160, "mixed6")
    x = _block_17(x, 192, "mixed7")
    b3 = _conv_bn(_conv_bn(x, 192, 1), 320, 3, strides=2, padding="valid")
    b7 = _conv_bn(_conv_bn(_conv_bn(_conv_bn(x, 192, 1), 192, (1, 7)), 192, (7, 1)), 192, 3, strides=2, padding="valid")
    x = layers.Concatenate(name="mixed8")([b3, b7, layers.MaxPooling2D(3, strides=2)(x)])
    x = _block_8(x, "mixed9")
    x = _block_8(x, "mixed10")
    x = classifier_head(x, include_top, pooling, classes, classifier_activation)
    return keras.Model(inputs, x, name=name)
