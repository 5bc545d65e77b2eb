# ResNet50/101/152 as Keras builds them (He et al., 2016, bottleneck blocks): convolutions with biases, the
# stride on the first 1x1 convolution of a stage, a projection shortcut at each stage's first block.
import keras
from keras import layers
from .common import image_input, classifier_head


def _bottleneck(x, filters, stride, project, name):
    if project:
        shortcut = layers.Conv2D(4 * filters, 1, strides=stride, name=name + "_0_conv")(x)
        shortcut = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_0_bn")(shortcut)
    else:
        shortcut = x
    x = layers.Conv2D(filters, 1, strides=stride, name=name + "_1_conv")(x)
    x = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_1_bn")(x)
    x = layers.Activation("relu", name=name + "_1_relu")(x)
    x = layers.Conv2D(filters, 3, padding="same", name=name + "_2_conv")(x)
    x = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_2_bn")(x)
    x = layers.Activation("relu", name=name + "_2_relu")(x)
    x = layers.Conv2D(4 * filters, 1, name=name + "_3_conv")(x)
    x = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_3_bn")(x)
    x = layers.Add(name=name + "_add")([shortcut, x])
    return layers.Activation("relu", name=name + "_out")(x)


def _resnet(blocks, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name):
    inputs = image_input(input_tensor, input_shape, 224, include_top)
    x = layers.ZeroPadding2D(3, name="conv1_pad")(inputs)
    x = layers.Conv2D(64, 7, strides=2, name="conv1_conv")(x)
    x = layers.BatchNormalization(epsilon=1.001e-5, name="conv1_bn")(x)
    x = layers.Activation("relu", name="conv1_relu")(x)
    x = layers.ZeroPadding2D(1, name="pool1_pad")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1_pool")(x)
    for stage, (filters, count) in enumerate(zip((64, 128, 256, 512), blocks)):
        for i in range(count):
            stride = 2 if i == 0 and stage > 0 else 1
            x = _bottleneck(x, filters, stride, i == 0, "conv" + str(stage + 2) + "_block" + str(i + 1))
    x = classifier_head(x, include_top, pooling, classes, classifier_activation)
    return keras.Model(inputs, x, name=name)


def ResNet50(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet50"):
    return _resnet((3, 4, 6, 3), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def ResNet101(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet101"):
    return _resnet((3, 4, 23, 3), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def ResNet152(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet152"):
    return _resnet((3, 8, 36, 3), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)
