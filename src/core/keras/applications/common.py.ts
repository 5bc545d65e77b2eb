/** Shared helpers of the built-in keras.applications definitions: input handling and the classifier head. */
export const commonSource = String.raw`
from keras import layers


def image_input(input_tensor, input_shape, default_size, include_top):
    # Keras's obtain_input_shape with weights ignored: the default size with the classifier, free size without.
    if input_tensor is not None:
        return input_tensor
    if input_shape is None:
        input_shape = (default_size, default_size, 3) if include_top else (None, None, 3)
    return layers.Input(shape=input_shape)


def classifier_head(x, include_top, pooling, classes, classifier_activation, dropout=None):
    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        if dropout:
            x = layers.Dropout(dropout, name="top_dropout")(x)
        return layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    if pooling == "avg":
        return layers.GlobalAveragePooling2D(name="avg_pool")(x)
    if pooling == "max":
        return layers.GlobalMaxPooling2D(name="max_pool")(x)
    return x
`;
