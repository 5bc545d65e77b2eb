// Enum members (docs.python.org/3/library/enum.html) are the plain values of their definitions here, so
// `Format.NCHW == "NCHW"` and `Size.SMALL * 2` keep working for str and int mixins; each member is a copy of its value
// tagged with its class and name, which gives it `.name` / `.value`, a place in its class's iteration order, and
// isinstance. (A plain Enum member also compares equal to its value here, where Python says it does not.)
import { dict, int, str } from "./construct";
import type { ClassValue, Value } from "./values";

/** Where a tagged value came from: its Enum class, its name there, and the plain value it was defined as. */
export interface EnumMember {
  cls: ClassValue;
  name: string;
  value: Value;
}

const tags = new WeakMap<object, EnumMember>();
const membersByClass = new WeakMap<ClassValue, Value[]>();

/** The member a value is, if it is one. */
export function enumMember(v: Value): EnumMember | undefined {
  return tags.get(v);
}

/** True for a class deriving from enum.Enum (IntEnum, StrEnum, Flag and user enums included). */
export function isEnumClass(cls: ClassValue): boolean {
  return cls.mro.some((c) => c.qualifiedName === "enum.Enum");
}

/** A class's members in definition order (aliases once), as iterating the class gives them; inherited from a base without members of its own. */
export function enumMembers(cls: ClassValue): Value[] {
  for (const c of cls.mro) {
    const m = membersByClass.get(c);
    if (m) return m;
  }
  return [];
}

/** The marker enum.auto() returns until its class is made; the member then takes the next value. */
export const AUTO = Object.freeze({ kind: "none" as const });

const notMember = new Set(["function", "native", "class", "property", "bound", "partial"]);

/**
 * Turns an Enum class body's public names into members, as EnumType.__new__ does: auto() numbers from 1 after the
 * previous int (a StrEnum's auto() is the name in lower case), a repeated value is an alias of the first member.
 */
export function makeEnumMembers(cls: ClassValue): void {
  const lowerCaseAuto = cls.mro.some((c) => c.qualifiedName === "enum.StrEnum");
  const members: Value[] = [];
  const memberMap: [Value, Value][] = [];
  let last = 0;
  for (const [name, raw] of [...cls.attributes]) {
    if (name.startsWith("_") || notMember.has(raw.kind)) continue;
    const value = raw === AUTO ? (lowerCaseAuto ? str(name.toLowerCase()) : int(last + 1)) : raw;
    if (value.kind === "int") last = value.value;
    const alias = members.find((m) => sameValue(tags.get(m)!.value, value));
    const member = alias ?? { ...value };
    if (!alias) {
      tags.set(member, { cls, name, value });
      members.push(member);
    }
    cls.attributes.set(name, member);
    memberMap.push([str(name), member]);
  }
  membersByClass.set(cls, members);
  cls.attributes.set("__members__", dict(memberMap));
}

function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if ((a.kind === "int" || a.kind === "float" || a.kind === "str" || a.kind === "bool") && a.kind === b.kind) return a.value === b.value;
  return false;
}
