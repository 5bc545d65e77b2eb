// torch.hub.load read from the local hub cache, never the network. The cache layout follows torch/hub.py
// (PyTorch 2.x): a GitHub repo "owner/name[:ref]" lives in <hub dir>/<owner>_<name>_<ref> ('/' in ref as '_'), the
// default ref being main, else master; the repo's hubconf.py names the entry points, imported with the repo folder
// first on sys.path. source="local" takes the folder itself.
import { list, str, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import { PythonError, type ModuleNamespaceValue, type NativeCall, type Value } from "../interp/values";

/** The hub-cache folder names a GitHub repo spec may have, in the order torch.hub tries them. */
export function hubFolderNames(repo: string): string[] {
  const [ownerAndName, ref] = repo.split(":");
  const [owner, name] = ownerAndName.split("/");
  if (!owner || !name) return [];
  const refs = ref ? [ref] : ["main", "master"];
  return refs.map((r) => `${owner}_${name}_${r.replace(/\//g, "_")}`);
}

/** The torch.hub namespace: load and list from the local cache the loader knows. */
export function createTorchHub(interp: () => Interpreter): ModuleNamespaceValue {
  const hubconf = (args: Value[], kwargs: Map<string, Value>): ModuleNamespaceValue | Value => {
    const repo = args[0];
    if (repo?.kind !== "str") return unknown("torch.hub.load of a repository that is not a string");
    const source = kwargs.get("source");
    const local = source?.kind === "str" && source.value === "local";
    const found = interp().loader.loadHubRepository?.(repo.value, local);
    if (found === undefined) return unknown(`torch.hub is not available to this analysis (${repo.value})`);
    return typeof found === "string" ? { ...unknown(found, interp().currentLocation), missing: true } : found;
  };
  const load = (c: NativeCall): Value => {
    const conf = hubconf(c.args, c.kwargs);
    if (conf.kind !== "namespace") return conf;
    const model = c.args[1];
    if (model?.kind !== "str") return unknown("torch.hub.load of an entry point that is not a string");
    const entry = conf.scope.names.get(model.value);
    if (!entry) throw new PythonError(`RuntimeError: Cannot find callable ${model.value} in hubconf`);
    const kwargs = new Map(c.kwargs);
    // torch.hub.load's own keywords; the rest go to the entry point.
    for (const k of ["source", "trust_repo", "force_reload", "verbose", "skip_validation"]) kwargs.delete(k);
    return interp().call(entry, c.args.slice(2), kwargs);
  };
  const native = (name: string, call: (c: NativeCall) => Value): Value => ({ kind: "native", name, call });
  return {
    kind: "namespace",
    name: "torch.hub",
    scope: {
      names: new Map<string, Value>([
        ["load", native("torch.hub.load", load)],
        ["list", native("torch.hub.list", (c) => {
          const conf = hubconf(c.args, c.kwargs);
          if (conf.kind !== "namespace") return conf;
          return list([...conf.scope.names].filter(([k, v]) => !k.startsWith("_") && (v.kind === "function" || v.kind === "native")).map(([k]) => str(k)));
        })],
        ["load_state_dict_from_url", native("torch.hub.load_state_dict_from_url", () => unknown("weights downloaded by torch.hub"))],
        ["get_dir", native("torch.hub.get_dir", () => unknown("the torch hub folder"))],
      ]),
    },
  };
}
