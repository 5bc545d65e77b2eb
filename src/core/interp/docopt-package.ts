// docopt 0.6 (docopt.org; github.com/docopt/docopt README "Option descriptions format"): `docopt(__doc__)` reads the
// command line against the usage text and returns a dict keyed by each option's long name (its short name when it
// has none), command and positional argument. In the plain run nothing is given, so an option that takes an argument
// holds the text of its description's `[default: 30]` (None without one), a flag is False, a command is False and a
// positional argument None. Values stay text, as docopt gives them (`int(args["--max-epoch"])` converts).
// An option is a line of the text that starts with "-"; its description starts after two spaces.
const DOCOPT = `class DocoptExit(SystemExit):
    pass


def _option(line):
    text = line.strip()
    cut = text.find("  ")
    spec = text if cut < 0 else text[:cut]
    description = "" if cut < 0 else text[cut:]
    long_name = None
    short_name = None
    takes_argument = False
    for token in spec.replace(",", " ").replace("=", " ").split():
        if token.startswith("--"):
            long_name = token
        elif token.startswith("-"):
            short_name = token
        else:
            takes_argument = True
    value = False
    if takes_argument:
        value = None
        at = description.lower().find("[default:")
        if at >= 0:
            end = description.find("]", at)
            value = description[at + len("[default:"):end].strip()
    return long_name or short_name, value


def _usage_lines(doc):
    lines = doc.split("\\n")
    out = []
    inside = False
    for line in lines:
        at = line.lower().find("usage:")
        if at >= 0 and not inside:
            inside = True
            rest = line[at + len("usage:"):]
            if rest.strip():
                out.append(rest)
            continue
        if inside:
            if not line.strip():
                if out:
                    break
                continue
            out.append(line)
    return out


def docopt(doc, argv=None, help=True, version=None, options_first=False):
    values = {}
    usage = _usage_lines(doc)
    for line in usage:
        for mark in "[]()|":
            line = line.replace(mark, " ")
        tokens = line.split()
        for token in tokens[1:]:
            token = token.replace("...", "")
            if not token or token.startswith("-") or token == "options":
                continue
            if token.startswith("<") or token.isupper():
                values[token] = None
            else:
                values[token] = False
    for line in doc.split("\\n"):
        if line.strip().startswith("-") and line not in usage:
            name, value = _option(line)
            if name:
                values[name] = value
    return values
`;

/** Virtual files of docopt's stand-in: path under site-packages → Python text. */
export const docoptPackage: [string, string][] = [["docopt.py", DOCOPT]];
