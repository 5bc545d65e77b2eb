// The YAML of training scripts' configuration files (Hydra's and OmegaConf's), read with the `yaml` package as
// OmegaConf reads it: PyYAML's YAML 1.1 scalars (ints with `_` separators, yes/no booleans, `<<` merges), plus the
// exponent floats without a dot (`2e-2`) that OmegaConf's loader adds to PyYAML's
// (omegaconf/_utils.py get_yaml_loader, OmegaConf 2.3).
import { parseAllDocuments, parseDocument, type ScalarTag, type Tags } from "yaml";

/** A parsed YAML value. */
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

const omegaconfFloat: ScalarTag = {
  tag: "tag:yaml.org,2002:float",
  default: true,
  test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  resolve: (text: string) => Number(text.replace(/_/g, "")),
};

// PyYAML's booleans (yaml/resolver.py, Resolver's bool implicit resolver): the YAML 1.1 words but for the single
// letters y/Y/n/N, which it reads as strings, as a config's `N: 128` key (a size) is meant.
const PYYAML_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const pyyamlBool: ScalarTag = {
  tag: "tag:yaml.org,2002:bool",
  default: true,
  test: /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  resolve: (text: string) => PYYAML_TRUE.test(text),
};

/** The `yaml` package's YAML 1.1 tags with PyYAML's booleans in place of its own (and OmegaConf's floats first). */
function pyyamlTags(tags: Tags, omegaconf: boolean): Tags {
  const own = tags.filter((t) => typeof t === "string" || t.tag !== pyyamlBool.tag);
  return [...(omegaconf ? [omegaconfFloat] : []), pyyamlBool, ...own];
}

/**
 * Parses YAML text into plain values as OmegaConf would (or as PyYAML alone, `omegaconf: false`: `2e-2` stays a
 * string); text that is not valid YAML gives null (never an exception).
 */
export function parseYaml(text: string, options: { omegaconf?: boolean } = {}): YamlValue {
  try {
    const document = parseDocument(text, { version: "1.1", customTags: (tags) => pyyamlTags(tags, options.omegaconf !== false), uniqueKeys: false, logLevel: "silent" });
    return document.errors.length > 0 ? null : ((document.toJS({ maxAliasCount: 100 }) ?? null) as YamlValue);
  } catch {
    // toJS throws on an alias bomb (more aliases than maxAliasCount): such a file is not a config.
    return null;
  }
}

/**
 * Parses a stream of YAML documents (separated by `---` lines, as PyYAML's `load_all` reads them) into plain values,
 * one per document, as parseYaml reads one; a stream that is not valid YAML gives null.
 */
export function parseYamlDocuments(text: string, options: { omegaconf?: boolean } = {}): YamlValue[] | null {
  try {
    const parsed = parseAllDocuments(text, { version: "1.1", customTags: (tags) => pyyamlTags(tags, options.omegaconf !== false), uniqueKeys: false, logLevel: "silent" });
    const documents = Array.isArray(parsed) ? parsed : [];
    if (documents.some((d) => d.errors.length > 0)) return null;
    return documents.map((d) => (d.toJS({ maxAliasCount: 100 }) ?? null) as YamlValue);
  } catch {
    return null;
  }
}
