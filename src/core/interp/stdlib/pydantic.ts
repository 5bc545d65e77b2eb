// pydantic (docs.pydantic.dev, "Models", v1 and v2): a class deriving from BaseModel takes its annotated names as
// fields, set from keywords (`TrainConfig(**config["training_params"])`) with the class's defaults for the rest, as a
// dataclass's are (the interpreter makes such a class a dataclass: interpreter.ts); `model.dict()` (v1) and
// `model.model_dump()` (v2) give the fields back as a dict, which run configs unpack into a trainer
// (`Trainer(**train_config.dict())`). `Field(default, ...)` declares a field's default.
import { lookupClassAttribute, nativeClass } from "../classes";
import { dict, str, unknown } from "../construct";
import type { Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";

/** Installs `pydantic` with BaseModel and Field. */
export function installPydantic({ modules, objectClass, call }: StandardLibrary): void {
  const dataclasses = modules.get("dataclasses");
  const field = dataclasses?.scope.names.get("field");
  // The fields, in declaration order along the bases, with the instance's values.
  const asDict = ({ args }: { args: Value[] }): Value => {
    const self = args[0];
    if (self?.kind !== "instance") return unknown("dict() of no pydantic model");
    const names: string[] = [];
    for (const c of [...self.cls.mro].reverse()) for (const f of c.fields ?? []) if (!names.includes(f)) names.push(f);
    return dict(names.map((n) => [str(n), self.attributes.get(n) ?? lookupClassAttribute(self.cls, n) ?? unknown(`field ${n}`)] as [Value, Value]));
  };
  const baseModel = nativeClass("pydantic.BaseModel", [objectClass], { dict: asDict, model_dump: asDict });
  const members: Record<string, Value> = { BaseModel: baseModel };
  if (field) {
    members.Field = fn("pydantic.Field", ({ args, kwargs }) => {
      const passed = new Map<string, Value>();
      const given = kwargs.get("default") ?? args[0];
      // `Field(...)`: Ellipsis marks a required field, which has no default.
      if (given && given.kind !== "ellipsis") passed.set("default", given);
      const factory = kwargs.get("default_factory");
      if (factory) passed.set("default_factory", factory);
      return call(field, [], passed);
    });
  }
  modules.set("pydantic", namespace("pydantic", members));
}
