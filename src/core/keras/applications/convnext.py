# ConvNeXt Tiny/Small/Base/Large/XLarge (Liu et al., 2022, "A ConvNet for the 2020s"): patchify stem, 7x7
# depthwise blocks with an inverted MLP and layer scale, as Keras builds them (input normalisation inside the model).
import keras
from keras import layers


class LayerScale(layers.Layer):
    # One learned scale per channel (Touvron et al., 2021).
    def __init__(self, init_values, projection_dim, **kwargs):
        super().__init__(**kwargs)
        self.init_values = init_values
        self.projection_dim = projection_dim

    def build(self, input_shape):
        self.gamma = self.add_weight(shape=(self.projection_dim,), trainable=True)

    def call(self, x):
        return x * self.gamma


def _block(x, dim, name):
    inputs = x
    x = layers.Conv2D(dim, 7, padding="same", groups=dim, name=name + "_depthwise_conv")(x)
    x = layers.LayerNormalization(epsilon=1e-6, name=name + "_layernorm")(x)
    x = layers.Dense(4 * dim, name=name + "_pointwise_conv_1")(x)
    x = layers.Activation("gelu", name=name + "_gelu")(x)
    x = layers.Dense(dim, name=name + "_pointwise_conv_2")(x)
    x = LayerScale(1e-6, dim, name=name + "_layer_scale")(x)
    return inputs + x


def _convnext(depths, dims, include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name):
    if input_tensor is not None:
        inputs = input_tensor
    else:
        inputs = layers.Input(shape=input_shape or ((224, 224, 3) if include_top else (None, None, 3)))
    x = layers.Normalization(mean=[123.675, 116.28, 103.53], variance=[3409.98, 3262.69, 3291.89], name=name + "_prestem_normalization")(inputs)
    x = layers.Conv2D(dims[0], 4, strides=4, name=name + "_stem_conv")(x)
    x = layers.LayerNormalization(epsilon=1e-6, name=name + "_stem_layernorm")(x)
    for i in range(4):
        if i > 0:
            x = layers.LayerNormalization(epsilon=1e-6, name=name + "_downsampling_layernorm_" + str(i))(x)
            x = layers.Conv2D(dims[i], 2, strides=2, name=name + "_downsampling_conv_" + str(i))(x)
        for j in range(depths[i]):
            x = _block(x, dims[i], name + "_stage_" + str(i) + "_block_" + str(j))
    if include_top:
        x = layers.GlobalAveragePooling2D(name=name + "_head_gap")(x)
        x = layers.LayerNormalization(epsilon=1e-6, name=name + "_head_layernorm")(x)
        x = layers.Dense(classes, activation=classifier_activation, name=name + "_head_dense")(x)
    else:
        if pooling == "avg":
            x = layers.GlobalAveragePooling2D()(x)
        elif pooling == "max":
            x = layers.GlobalMaxPooling2D()(x)
        x = layers.LayerNormalization(epsilon=1e-6)(x)
    return keras.Model(inputs, x, name=name)


def ConvNeXtTiny(include_top=True, include_preprocessing=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="convnext_tiny"):
    return _convnext((3, 3, 9, 3), (96, 192, 384, 768), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def ConvNeXtSmall(include_top=True, include_preprocessing=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="convnext_small"):
    return _convnext((3, 3, 27, 3), (96, 192, 384, 768), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def ConvNeXtBase(include_top=True, include_preprocessing=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="convnext_base"):
    return _convnext((3, 3, 27, 3), (128, 256, 512, 1024), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def ConvNeXtLarge(include_top=True, include_preprocessing=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="convnext_large"):
    return _convnext((3, 3, 27, 3), (192, 384, 768, 1536), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)


def ConvNeXtXLarge(include_top=True, include_preprocessing=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="convnext_xlarge"):
    return _convnext((3, 3, 27, 3), (256, 512, 1024, 2048), include_top, input_tensor, input_shape, pooling, classes, classifier_activation, name)
