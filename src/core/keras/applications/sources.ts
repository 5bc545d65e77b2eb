// Our own compact Python definitions of common keras.applications builders, installed as virtual files so
// `keras.applications.MobileNetV2(...)` and `tf.keras.applications...` analyze without a Keras checkout. Each file
// names the paper it follows; layer choices (biases, norms, heads) follow Keras's builders so the parameter counts
// equal keras.io's table.
import commonSource from "./common.py";
import imagenetUtilsSource from "./imagenet_utils.py";
import convnextSource from "./convnext.py";
import densenetSource from "./densenet.py";
import efficientnetSource from "./efficientnet.py";
import efficientnetV2Source from "./efficientnet_v2.py";
import inceptionResnetV2Source from "./inception_resnet_v2.py";
import inceptionV3Source from "./inception_v3.py";
import mobilenetSource from "./mobilenet.py";
import mobilenetV3Source from "./mobilenet_v3.py";
import resnetSource from "./resnet.py";
import resnetV2Source from "./resnet_v2.py";
import vggSource from "./vgg.py";
import xceptionSource from "./xception.py";

const NAMES: Record<string, string[]> = {
  vgg: ["VGG16", "VGG19"],
  resnet: ["ResNet50", "ResNet101", "ResNet152"],
  resnet_v2: ["ResNet50V2", "ResNet101V2", "ResNet152V2"],
  xception: ["Xception"],
  inception_v3: ["InceptionV3"],
  inception_resnet_v2: ["InceptionResNetV2"],
  efficientnet_v2: ["B0", "B1", "B2", "B3", "S", "M", "L"].map((size) => `EfficientNetV2${size}`),
  convnext: ["Tiny", "Small", "Base", "Large", "XLarge"].map((size) => `ConvNeXt${size}`),
  mobilenet: ["MobileNet", "MobileNetV2"],
  mobilenet_v3: ["MobileNetV3Small", "MobileNetV3Large"],
  densenet: ["DenseNet121", "DenseNet169", "DenseNet201"],
  efficientnet: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `EfficientNetB${i}`),
};

const init = Object.entries(NAMES).map(([file, names]) => `from .${file} import ${names.join(", ")}`).join("\n") + "\n";

/** Keras's per-model modules (keras.applications.mobilenet_v2, ...): the builder and its preprocess_input mode. */
const MODULES: [string, string, string, string][] = [
  ["vgg16", "vgg", "VGG16", "caffe"], ["vgg19", "vgg", "VGG19", "caffe"], ["resnet50", "resnet", "ResNet50", "caffe"],
  ["mobilenet_v2", "mobilenet", "MobileNetV2", "tf"],
];
/** preprocess_input for the families' own modules. */
const FAMILY_MODES: Record<string, string> = {
  vgg: "caffe", resnet: "caffe", resnet_v2: "tf", xception: "tf", inception_v3: "tf", inception_resnet_v2: "tf", mobilenet: "tf", densenet: "torch", efficientnet: "identity", convnext: "identity", mobilenet_v3: "identity", efficientnet_v2: "identity",
};
const preprocessLine = (mode: string) => `from .common import ${mode}_preprocess as preprocess_input\n`;

/** Virtual files (path under the runtime's built-in root → text): keras.applications and its tf.keras spelling. */
export const applicationSources: [string, string][] = [
  ["keras/applications/__init__.py", init],
  ["keras/applications/common.py", commonSource],
  ["keras/applications/imagenet_utils.py", imagenetUtilsSource],
  ["keras/applications/vgg.py", vggSource],
  ["keras/applications/resnet.py", resnetSource],
  ["keras/applications/resnet_v2.py", resnetV2Source],
  ["keras/applications/xception.py", xceptionSource],
  ["keras/applications/inception_v3.py", inceptionV3Source],
  ["keras/applications/inception_resnet_v2.py", inceptionResnetV2Source],
  ["keras/applications/convnext.py", convnextSource],
  ["keras/applications/efficientnet_v2.py", efficientnetV2Source],
  ["keras/applications/mobilenet.py", mobilenetSource],
  ["keras/applications/mobilenet_v3.py", mobilenetV3Source],
  ["keras/applications/densenet.py", densenetSource],
  ["keras/applications/efficientnet.py", efficientnetSource],
  ["tensorflow/keras/applications/__init__.py", "from keras.applications import *\n"],
  ...MODULES.map(([module, family, builder, mode]): [string, string] => [`keras/applications/${module}.py`, `from .${family} import ${builder}\n${preprocessLine(mode)}`]),
];
// Each family's module also offers its preprocess_input (keras.applications.densenet.preprocess_input).
for (const entry of applicationSources) {
  const family = /^keras\/applications\/(\w+)\.py$/.exec(entry[0])?.[1];
  if (family && FAMILY_MODES[family]) entry[1] += `\n${preprocessLine(FAMILY_MODES[family])}`;
}

/** The builder names the built-in definitions provide. */
export const APPLICATION_NAMES = Object.values(NAMES).flat();
