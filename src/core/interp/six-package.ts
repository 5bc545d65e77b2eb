// six (1.16, six.readthedocs.io), the Python 2/3 compatibility module that older training code imports for
// `six.string_types` or `six.moves.range`: without it in the workspace or the environment those names were unknown,
// and `isinstance(x, six.string_types)` took the wrong branch. Our own compact Python of its names as they are on
// Python 3; an installed six wins (a built-in package, the last root of module resolution).
const SIX = `PY2 = False
PY3 = True
PY34 = True
string_types = (str,)
integer_types = (int,)
class_types = (type,)
text_type = str
binary_type = bytes
MAXSIZE = 9223372036854775807


def iteritems(d, **kw):
    return iter(d.items(**kw))


def iterkeys(d, **kw):
    return iter(d.keys(**kw))


def itervalues(d, **kw):
    return iter(d.values(**kw))


def ensure_str(s, encoding="utf-8", errors="strict"):
    return s


def b(s):
    return s.encode("latin-1")


def u(s):
    return s
`;

// six.moves: Python 3's names under their Python 2 aliases (the builtins, and functools.reduce).
const MOVES = `from functools import reduce
range = range
xrange = range
zip = zip
map = map
filter = filter
input = input
`;

/** Virtual files of the built-in six package: path under site-packages → Python text. */
export const sixPackage: [string, string][] = [
  ["six/__init__.py", SIX],
  ["six/moves/__init__.py", MOVES],
];
