# torchvision.transforms as shapes: what each transform makes of one sample's size, so a dataset's sample has the
# shape the model is fed. An image before ToTensor is an _Image (PIL's size is (width, height)); after, a tensor
# (C, H, W). Transforms that keep the size (flips, colour jitter, Normalize) return their input.
import torch


class _Image:
    # A PIL image stand-in: mode "L" (1 channel) or "RGB" (3).
    def __init__(self, channels, height, width):
        self.channels = channels
        self.height = height
        self.width = width
        self.size = (width, height)
        self.mode = "L" if channels == 1 else "RGB"

    def convert(self, mode):
        return _Image(1 if mode == "L" else 3, self.height, self.width)


def _pair(size):
    if isinstance(size, (list, tuple)):
        return (size[0], size[0]) if len(size) == 1 else (size[0], size[1])
    return (size, size)


def _hw(img):
    if isinstance(img, _Image):
        return img.height, img.width
    return img.shape[-2], img.shape[-1]


def _resized(img, height, width):
    if isinstance(img, _Image):
        return _Image(img.channels, height, width)
    return torch.zeros(*img.shape[:-2], height, width, dtype=img.dtype)


class Compose:
    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, img):
        for t in self.transforms:
            img = t(img)
        return img


class ToTensor:
    # PIL image (H, W, C) to a float tensor (C, H, W) (torchvision.transforms.ToTensor).
    def __call__(self, pic):
        if isinstance(pic, _Image):
            return torch.zeros(pic.channels, pic.height, pic.width)
        return pic


class PILToTensor:
    def __call__(self, pic):
        if isinstance(pic, _Image):
            return torch.zeros(pic.channels, pic.height, pic.width, dtype=torch.uint8)
        return pic


class ToPILImage:
    def __init__(self, mode=None):
        self.mode = mode

    def __call__(self, pic):
        if isinstance(pic, _Image):
            return pic
        return _Image(pic.shape[-3] if pic.dim() == 3 else 1, pic.shape[-2], pic.shape[-1])


class Resize:
    # An int resizes the shorter side to it, keeping the aspect ratio; a pair is (height, width).
    def __init__(self, size, interpolation=None, max_size=None, antialias=True):
        self.size = size

    def __call__(self, img):
        h, w = _hw(img)
        if isinstance(self.size, (list, tuple)) and len(self.size) == 2:
            return _resized(img, self.size[0], self.size[1])
        side = self.size[0] if isinstance(self.size, (list, tuple)) else self.size
        if h <= w:
            return _resized(img, side, int(side * w / h))
        return _resized(img, int(side * h / w), side)


class _Crop:
    def __init__(self, size, *args, **kwargs):
        self.size = _pair(size)

    def __call__(self, img):
        return _resized(img, self.size[0], self.size[1])


class CenterCrop(_Crop):
    pass


class RandomCrop(_Crop):
    pass


class RandomResizedCrop(_Crop):
    pass


class Grayscale:
    def __init__(self, num_output_channels=1):
        self.num_output_channels = num_output_channels

    def __call__(self, img):
        if isinstance(img, _Image):
            return _Image(self.num_output_channels, img.height, img.width)
        return torch.zeros(*img.shape[:-3], self.num_output_channels, img.shape[-2], img.shape[-1], dtype=img.dtype)


class Lambda:
    def __init__(self, lambd):
        self.lambd = lambd

    def __call__(self, img):
        return self.lambd(img)


class _SameSize:
    # Transforms that keep a sample's shape.
    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, img):
        return img


class Normalize(_SameSize):
    pass


class RandomHorizontalFlip(_SameSize):
    pass


class RandomVerticalFlip(_SameSize):
    pass


class RandomRotation(_SameSize):
    pass


class RandomAffine(_SameSize):
    pass


class ColorJitter(_SameSize):
    pass


class RandomApply(_SameSize):
    pass


class RandomErasing(_SameSize):
    pass


class GaussianBlur(_SameSize):
    pass


class TrivialAugmentWide(_SameSize):
    pass


class AutoAugment(_SameSize):
    pass


class RandAugment(_SameSize):
    pass


class ConvertImageDtype(_SameSize):
    pass


class ToImage(PILToTensor):
    # transforms.v2: a PIL image to a uint8 image tensor (C, H, W).
    pass


class ToDtype(_SameSize):
    pass
