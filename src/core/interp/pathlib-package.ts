// pathlib (docs.python.org/3/library/pathlib.html), the standard library's path objects, which training scripts
// build their config and output paths with (`Path(__file__).parent / "configs" / "train.yaml"`, `Path(args.config)`).
// Without it every such path was unknown, and so was the config read through it. Our own compact Python over the
// os.path functions the analyzer models: the path's text is known, the disk is not read (exists() answers as
// os.path.exists does; glob and iterdir list the workspace's folders).
const PATHLIB = `import os
import _greenlight_unknown
import _greenlight_folders


def _text(part):
    return part.__fspath__() if isinstance(part, PurePath) else part


class PurePath:
    def __init__(self, *parts):
        texts = [_text(p) for p in parts if _text(p) != ""]
        self._path = os.path.normpath(os.path.join(*texts)) if texts else "."

    def __fspath__(self):
        return self._path

    def __str__(self):
        return self._path

    def __repr__(self):
        return type(self).__name__ + "('" + self._path + "')"

    def __eq__(self, other):
        return isinstance(other, PurePath) and other._path == self._path

    def __hash__(self):
        return hash(self._path)

    def __truediv__(self, other):
        return type(self)(self._path, _text(other))

    def __rtruediv__(self, other):
        return type(self)(_text(other), self._path)

    def joinpath(self, *others):
        return type(self)(self._path, *others)

    @property
    def name(self):
        return os.path.basename(self._path)

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        return name[i:] if 0 < i < len(name) - 1 else ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        suffix = self.suffix
        return name[: len(name) - len(suffix)] if suffix else name

    @property
    def parent(self):
        head = os.path.dirname(self._path)
        return type(self)(head if head else ".")

    @property
    def parents(self):
        out = []
        path = self
        while path.parent._path != path._path:
            path = path.parent
            out.append(path)
        return out

    @property
    def parts(self):
        if self._path.startswith("/"):
            return tuple(["/"] + [p for p in self._path.split("/") if p])
        return tuple(p for p in self._path.split("/") if p and p != ".")

    def with_suffix(self, suffix):
        stem = self.stem
        return self.parent / (stem + suffix)

    def with_name(self, name):
        return self.parent / name

    def with_stem(self, stem):
        return self.parent / (stem + self.suffix)

    def as_posix(self):
        return self._path

    def is_absolute(self):
        return self._path.startswith("/")

    def match(self, pattern):
        return _greenlight_unknown.unknown("whether {} matches a pattern", self._path)


class Path(PurePath):
    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return _greenlight_unknown.unknown("the home folder")

    def exists(self):
        return os.path.exists(self._path)

    def is_file(self):
        return os.path.isfile(self._path)

    def is_dir(self):
        return os.path.exists(self._path)

    def expanduser(self):
        return self

    def resolve(self, strict=False):
        return type(self)(os.path.abspath(self._path))

    def absolute(self):
        return type(self)(os.path.abspath(self._path))

    def mkdir(self, mode=511, parents=False, exist_ok=False):
        return None

    def touch(self, mode=438, exist_ok=True):
        return None

    def unlink(self, missing_ok=False):
        return None

    def open(self, mode="r", *args, **kwargs):
        return open(self._path, mode)

    def read_text(self, *args, **kwargs):
        with open(self._path) as f:
            return f.read()

    def write_text(self, data, *args, **kwargs):
        return len(data)

    # Listings of the workspace's folders (stdlib/folders.ts); unknown where the folder is not there.
    def glob(self, pattern):
        return [type(self)(p) for p in _greenlight_folders.glob(os.path.join(self._path, pattern), recursive=True, include_hidden=True)]

    def rglob(self, pattern):
        return self.glob("**/" + pattern)

    def iterdir(self):
        return [type(self)(os.path.join(self._path, name)) for name in os.listdir(self._path)]


PosixPath = Path
PurePosixPath = PurePath
`;

/** Virtual files of the built-in pathlib module: path under site-packages → Python text. */
export const pathlibPackage: [string, string][] = [["pathlib.py", PATHLIB]];
