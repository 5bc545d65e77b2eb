# VGG16 and VGG19 (Simonyan and Zisserman, 2015, configurations D and E): 3x3 convolutions, three dense layers.
import keras
from keras import layers
from .common import image_input


def _vgg(convs_per_block, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name):
    inputs = image_input(input_tensor, input_shape, 224, include_top)
    x = inputs
    for block, (filters, convs) in enumerate(zip((64, 128, 256, 512, 512), convs_per_block)):
        for i in range(convs):
            x = layers.Conv2D(filters, 3, padding="same", activation="relu", name="block" + str(block + 1) + "_conv" + str(i + 1))(x)
        x = layers.MaxPooling2D(2, strides=2, name="block" + str(block + 1) + "_pool")(x)
    if include_top:
        x = layers.Flatten(name="flatten")(x)
        x = layers.Dense(4096, activation="relu", name="fc1")(x)
        x = layers.Dense(4096, activation="relu", name="fc2")(x)
        x = layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    elif pooling == "avg":
        x = layers.GlobalAveragePooling2D()(x)
    elif pooling == "max":
        x = layers.GlobalMaxPooling2D()(x)
    return keras.Model(inputs, x, name=name)


def VGG16(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="vgg16"):
    return _vgg((2, 2, 3, 3, 3), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def VGG19(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="vgg19"):
    return _vgg((2, 2, 4, 4, 4), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)
