import { bool, float, int, toInt } from "../construct";
import type { Value } from "../values";
import { noPosition } from "../../python/ast";
import { fn, namespace, num, type StandardLibrary } from "./native";

/** math: constants and functions over Python numbers; returns math.prod, which numpy shares. */
export function installMath({ modules, interp, iterate }: StandardLibrary): Value {
  const mathFunctions: Record<string, (...xs: number[]) => number> = {
    sqrt: Math.sqrt, exp: Math.exp, log2: Math.log2, log10: Math.log10, sin: Math.sin, cos: Math.cos, tan: Math.tan,
    atan: Math.atan, tanh: Math.tanh, fabs: Math.abs, pow: Math.pow, atan2: Math.atan2, hypot: Math.hypot,
    erf, erfc: (x: number) => 1 - erf(x), asin: Math.asin, acos: Math.acos, sinh: Math.sinh, cosh: Math.cosh,
  };
  const math: Record<string, Value> = {
    pi: float(Math.PI), e: float(Math.E), inf: float(Infinity), tau: float(2 * Math.PI), nan: float(NaN),
    ceil: fn("math.ceil", ({ args }) => int(Math.ceil(num(args[0])))),
    floor: fn("math.floor", ({ args }) => int(Math.floor(num(args[0])))),
    trunc: fn("math.trunc", ({ args }) => int(Math.trunc(num(args[0])))),
    log: fn("math.log", ({ args }) => float(args.length > 1 ? Math.log(num(args[0])) / Math.log(num(args[1])) : Math.log(num(args[0])))),
    // binomial coefficients and factorials (blur-pool filters are rows of Pascal's triangle)
    comb: fn("math.comb", ({ args }) => {
      const [n, k] = [toInt(args[0]), toInt(args[1])];
      if (k < 0 || k > n) return int(0);
      let r = 1;
      for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - Math.min(k, n - k) + i)) / i;
      return int(Math.round(r));
    }),
    perm: fn("math.perm", ({ args }) => {
      const n = toInt(args[0]);
      const k = args.length > 1 && args[1].kind !== "none" ? toInt(args[1]) : n;
      let r = 1;
      for (let i = 0; i < k; i++) r *= n - i;
      return int(k > n ? 0 : r);
    }),
    factorial: fn("math.factorial", ({ args }) => {
      let r = 1;
      for (let i = 2; i <= toInt(args[0]); i++) r *= i;
      return int(r);
    }),
    gcd: fn("math.gcd", ({ args }) => {
      let [a, b] = [Math.abs(toInt(args[0])), Math.abs(toInt(args[1]))];
      while (b) [a, b] = [b, a % b];
      return int(a);
    }),
    prod: fn("math.prod", ({ args }) => iterate(args[0]).reduce<Value>((acc, v) => interp().binary("*", acc, v, noPosition), int(1))),
    isqrt: fn("math.isqrt", ({ args }) => int(Math.floor(Math.sqrt(num(args[0]))))),
    isclose: fn("math.isclose", ({ args }) => bool(Math.abs(num(args[0]) - num(args[1])) <= 1e-9 * Math.max(Math.abs(num(args[0])), Math.abs(num(args[1]))))),
    isfinite: fn("math.isfinite", ({ args }) => bool(Number.isFinite(num(args[0])))),
  };
  for (const [k, f] of Object.entries(mathFunctions)) math[k] = fn(`math.${k}`, ({ args }) => float(f(...args.map(num))));
  modules.set("math", namespace("math", math));
  return math.prod;
}

/** The error function by Abramowitz & Stegun 7.1.26 (absolute error under 1.5e-7): init code (trunc_normal_) uses it. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}
