// Python's configparser as a built-in package: research scripts often take their argparse defaults from an INI file
// (`parser.read("hyperparam.ini")`, `dict(parser["Custom"])`), and without it every figure read through one was
// unknown. Our own compact Python written from the module's documentation for Python 3.11
// (docs.python.org/3.11/library/configparser.html): sections, `key = value` and `key: value`, full-line comments,
// continuation lines indented deeper than their key, keys lowercased unless `optionxform` is replaced, the DEFAULT
// section seen from every section, BasicInterpolation's `%(name)s` and ExtendedInterpolation's `${section:name}`.
// Values stay strings, as Python keeps them; files are read with `open()`, so only workspace files are read.

const CONFIGPARSER = `from _greenlight_unknown import known as _known

DEFAULTSECT = "DEFAULT"
MAX_INTERPOLATION_DEPTH = 10
_UNSET = object()


class Error(Exception):
    pass


class NoSectionError(Error):
    pass


class NoOptionError(Error):
    pass


class DuplicateSectionError(Error):
    pass


class InterpolationError(Error):
    pass


class MissingSectionHeaderError(Error):
    pass


class ParsingError(Error):
    pass


class Interpolation:
    def before_get(self, parser, section, option, value, defaults):
        return value

    def before_set(self, parser, section, option, value):
        return value


def _expand(value, mark, opener, closer, lookup, depth):
    # One interpolation syntax: mark twice is the mark itself, opener...closer names a value, anything else is an error.
    if depth > MAX_INTERPOLATION_DEPTH:
        raise InterpolationError(value)
    out = ""
    rest = value
    while mark in rest:
        i = rest.index(mark)
        out = out + rest[:i]
        rest = rest[i:]
        if rest.startswith(mark + mark):
            out = out + mark
            rest = rest[2:]
        elif rest.startswith(opener):
            j = rest.index(closer)
            out = out + lookup(rest[len(opener):j], depth + 1)
            rest = rest[j + len(closer):]
        else:
            raise InterpolationError(value)
    return out + rest


class BasicInterpolation(Interpolation):
    def before_get(self, parser, section, option, value, defaults, depth=0):
        def lookup(name, inner):
            name = parser.optionxform(name)
            if name not in defaults:
                raise InterpolationError(name)
            return self.before_get(parser, section, name, defaults[name], defaults, inner)
        return _expand(value, "%", "%(", ")s", lookup, depth)


class ExtendedInterpolation(Interpolation):
    def before_get(self, parser, section, option, value, defaults, depth=0):
        def lookup(path, inner):
            parts = path.split(":")
            if len(parts) == 1:
                sect, name, source = section, parser.optionxform(parts[0]), defaults
            else:
                sect, name = parts[0], parser.optionxform(parts[1])
                source = parser._unified(sect)
            if name not in source:
                raise InterpolationError(name)
            return self.before_get(parser, sect, name, source[name], source, inner)
        return _expand(value, "$", "\${", "}", lookup, depth)


class SectionProxy(dict):
    def __init__(self, parser, name):
        super().__init__()
        self._parser = parser
        self.name = name
        for key in parser._unified(name):
            super().__setitem__(key, parser.get(name, key))

    def __setitem__(self, key, value):
        self._parser.set(self.name, key, value)
        super().__setitem__(self._parser.optionxform(key), value)

    def get(self, option, fallback=None, **kwargs):
        return self._parser.get(self.name, option, fallback=fallback)

    def getint(self, option, fallback=None, **kwargs):
        return self._parser.getint(self.name, option, fallback=fallback)

    def getfloat(self, option, fallback=None, **kwargs):
        return self._parser.getfloat(self.name, option, fallback=fallback)

    def getboolean(self, option, fallback=None, **kwargs):
        return self._parser.getboolean(self.name, option, fallback=fallback)


class RawConfigParser:
    BOOLEAN_STATES = {"1": True, "yes": True, "true": True, "on": True, "0": False, "no": False, "false": False, "off": False}
    _DEFAULT_INTERPOLATION = Interpolation()

    def __init__(self, defaults=None, dict_type=dict, allow_no_value=False, *, delimiters=("=", ":"), comment_prefixes=("#", ";"), inline_comment_prefixes=None, strict=True, empty_lines_in_values=True, default_section=DEFAULTSECT, interpolation=_UNSET, converters=_UNSET):
        self._sections = {}
        self._defaults = {}
        self._unread = None
        self._delimiters = tuple(delimiters)
        self._comment_prefixes = tuple(comment_prefixes or ())
        self._inline_comment_prefixes = tuple(inline_comment_prefixes or ())
        self._allow_no_value = allow_no_value
        self.default_section = default_section
        if interpolation is _UNSET:
            interpolation = self._DEFAULT_INTERPOLATION
        if interpolation is None:
            interpolation = Interpolation()
        self._interpolation = interpolation
        if defaults:
            for key, value in defaults.items():
                self._defaults[self.optionxform(str(key))] = value

    def optionxform(self, optionstr):
        return optionstr.lower()

    def defaults(self):
        return self._defaults

    def sections(self):
        return list(self._sections.keys())

    def add_section(self, section):
        if section == self.default_section:
            raise ValueError(section)
        if section in self._sections:
            raise DuplicateSectionError(section)
        self._sections[section] = {}

    def has_section(self, section):
        return section in self._sections

    def options(self, section):
        return list(self._unified(section).keys())

    def has_option(self, section, option):
        if section is None or section == "" or section == self.default_section:
            return self.optionxform(option) in self._defaults
        if section not in self._sections:
            return False
        return self.optionxform(option) in self._unified(section)

    def _unified(self, section):
        merged = dict(self._defaults)
        if section != self.default_section:
            if section not in self._sections:
                raise NoSectionError(section)
            merged.update(self._sections[section])
        return merged

    def read(self, filenames, encoding=None):
        if isinstance(filenames, str) or not isinstance(filenames, (list, tuple)):
            filenames = [filenames]
        read_ok = []
        for filename in filenames:
            try:
                fp = open(filename)
            except OSError as missing:
                # Python's read() skips a file it cannot open; the caught value says which file it was.
                self._unread = missing
                continue
            if not _known(fp):
                # Python skips a file it cannot open; here the file is not in the workspace, so what the script
                # then looks up is unknown for that reason rather than missing.
                self._unread = fp
                continue
            with fp:
                text = fp.read()
            self._read_text(text)
            read_ok.append(str(filename))
        return read_ok

    def read_file(self, f, source=None):
        self._read_text(f.read())

    def readfp(self, fp, filename=None):
        self.read_file(fp)

    def read_string(self, string, source="<string>"):
        self._read_text(string)

    def read_dict(self, dictionary, source="<dict>"):
        for section, keys in dictionary.items():
            section = str(section)
            if section != self.default_section and section not in self._sections:
                self._sections[section] = {}
            for key, value in keys.items():
                self.set(section, str(key), None if value is None else str(value))

    def _read_text(self, text):
        cursect = None
        optname = None
        indent_level = 0
        for raw in text.split("\\n"):
            line = raw.rstrip("\\r")
            stripped = line.strip()
            if stripped == "":
                if cursect is not None and optname is not None and cursect[optname] is not None:
                    cursect[optname].append("")
                else:
                    indent_level = 1000000
                continue
            if stripped.startswith(self._comment_prefixes):
                continue
            value = stripped
            for prefix in self._inline_comment_prefixes:
                at = value.find(prefix)
                while at > 0 and not value[at - 1].isspace():
                    at = value.find(prefix, at + 1)
                if at > 0:
                    value = value[:at].rstrip()
            cur_indent_level = len(line) - len(line.lstrip())
            if cursect is not None and optname is not None and cur_indent_level > indent_level:
                if cursect[optname] is not None:
                    cursect[optname].append(value)
                continue
            indent_level = cur_indent_level
            if value.startswith("[") and value.endswith("]") and len(value) > 2:
                name = value[1:-1]
                if name == self.default_section:
                    cursect = self._defaults
                else:
                    if name not in self._sections:
                        self._sections[name] = {}
                    cursect = self._sections[name]
                optname = None
                continue
            if cursect is None:
                raise MissingSectionHeaderError(line)
            at = -1
            for delimiter in self._delimiters:
                i = value.find(delimiter)
                if i >= 0 and (at < 0 or i < at):
                    at = i
            if at < 0:
                if not self._allow_no_value:
                    raise ParsingError(line)
                optname = self.optionxform(value.rstrip())
                cursect[optname] = None
                continue
            optname = self.optionxform(value[:at].rstrip())
            cursect[optname] = [value[at + 1:].strip()]
        for sect in [self._defaults] + list(self._sections.values()):
            for name in list(sect.keys()):
                val = sect[name]
                if isinstance(val, list):
                    sect[name] = "\\n".join(val).rstrip()

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        option = self.optionxform(option)
        try:
            d = self._unified(section)
        except NoSectionError:
            if self._unread is not None:
                return self._unread
            if fallback is _UNSET:
                raise
            return fallback
        if vars:
            for key, value in vars.items():
                d[self.optionxform(key)] = value
        if option not in d:
            if self._unread is not None:
                return self._unread
            if fallback is _UNSET:
                raise NoOptionError(option)
            return fallback
        value = d[option]
        if raw or value is None:
            return value
        return self._interpolation.before_get(self, section, option, value, d)

    def _get_conv(self, section, option, conv, raw=False, vars=None, fallback=_UNSET):
        value = self.get(section, option, raw=raw, vars=vars, fallback=_UNSET if fallback is _UNSET else None)
        if not _known(value):
            # A value from a file the workspace lacks: converting it keeps the reason, not the fallback.
            return value
        if value is None and fallback is not _UNSET:
            return fallback
        return conv(value)

    def getint(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, int, raw, vars, fallback)

    def getfloat(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, float, raw, vars, fallback)

    def _convert_to_boolean(self, value):
        if value.lower() not in self.BOOLEAN_STATES:
            raise ValueError("Not a boolean: " + value)
        return self.BOOLEAN_STATES[value.lower()]

    def getboolean(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, self._convert_to_boolean, raw, vars, fallback)

    def items(self, section=_UNSET, raw=False, vars=None):
        if section is _UNSET:
            return [(name, self[name]) for name in [self.default_section] + self.sections()]
        d = self._unified(section)
        return [(key, self.get(section, key, raw=raw, vars=vars)) for key in d]

    def set(self, section, option, value=None):
        if section is None or section == "" or section == self.default_section:
            sect = self._defaults
        else:
            if section not in self._sections:
                raise NoSectionError(section)
            sect = self._sections[section]
        sect[self.optionxform(option)] = value

    def remove_option(self, section, option):
        sect = self._defaults if section == self.default_section else self._sections[section]
        option = self.optionxform(option)
        existed = option in sect
        if existed:
            del sect[option]
        return existed

    def remove_section(self, section):
        existed = section in self._sections
        if existed:
            del self._sections[section]
        return existed

    def write(self, fp, space_around_delimiters=True):
        pass

    def __getitem__(self, key):
        if key != self.default_section and not self.has_section(key):
            if self._unread is not None:
                return self._unread
            raise KeyError(key)
        return SectionProxy(self, key)

    def __contains__(self, key):
        return key == self.default_section or self.has_section(key)

    def __iter__(self):
        return iter([self.default_section] + self.sections())

    def __len__(self):
        return len(self._sections) + 1

    def keys(self):
        return [self.default_section] + self.sections()


class ConfigParser(RawConfigParser):
    _DEFAULT_INTERPOLATION = BasicInterpolation()


SafeConfigParser = ConfigParser
`;

/** Virtual files of the built-in configparser package: path under site-packages → Python text. */
export const configparserPackage: [string, string][] = [["configparser.py", CONFIGPARSER]];
