# ResNet50V2/101V2/152V2 (He et al., 2016, "Identity Mappings in Deep Residual Networks"): pre-activation
# bottlenecks, as Keras builds them (the stride on the last block of a stage, max-pooled identity shortcuts).
import keras
from keras import layers
from .common import image_input, classifier_head


def _preact_block(x, filters, stride, project, name):
    preact = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_preact_bn")(x)
    preact = layers.Activation("relu", name=name + "_preact_relu")(preact)
    if project:
        shortcut = layers.Conv2D(4 * filters, 1, strides=stride, name=name + "_0_conv")(preact)
    elif stride > 1:
        shortcut = layers.MaxPooling2D(1, strides=stride)(x)
    else:
        shortcut = x
    x = layers.Conv2D(filters, 1, use_bias=False, name=name + "_1_conv")(preact)
    x = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_1_bn")(x)
    x = layers.Activation("relu", name=name + "_1_relu")(x)
    x = layers.ZeroPadding2D(1, name=name + "_2_pad")(x)
    x = layers.Conv2D(filters, 3, strides=stride, use_bias=False, name=name + "_2_conv")(x)
    x = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_2_bn")(x)
    x = layers.Activation("relu", name=name + "_2_relu")(x)
    x = layers.Conv2D(4 * filters, 1, name=name + "_3_conv")(x)
    return layers.Add(name=name + "_out")([shortcut, x])


def _resnet_v2(blocks, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name):
    inputs = image_input(input_tensor, input_shape, 224, include_top)
    x = layers.ZeroPadding2D(3, name="conv1_pad")(inputs)
    x = layers.Conv2D(64, 7, strides=2, name="conv1_conv")(x)
    x = layers.ZeroPadding2D(1, name="pool1_pad")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1_pool")(x)
    for stage, (filters, count) in enumerate(zip((64, 128, 256, 512), blocks)):
        last_stride = 1 if stage == 3 else 2
        for i in range(count):
            stride = last_stride if i == count - 1 else 1
            x = _preact_block(x, filters, stride, i == 0, "conv" + str(stage + 2) + "_block" + str(i + 1))
    x = layers.BatchNormalization(epsilon=1.001e-5, name="post_bn")(x)
    x = layers.Activation("relu", name="post_relu")(x)
    x = classifier_head(x, include_top, pooling, classes, classifier_activation)
    return keras.Model(inputs, x, name=name)


def ResNet50V2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet50v2"):
    return _resnet_v2((3, 4, 6, 3), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def ResNet101V2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet101v2"):
    return _resnet_v2((3, 4, 23, 3), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def ResNet152V2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet152v2"):
    return _resnet_v2((3, 8, 36, 3), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)
