// Base URLs: HTTPS by default; plain http only where the user named it, and never with credentials to a remote host.
import { GridError } from "./types";

const URL_PATTERN = /^(https?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(\/[^\s?#]*)?$/;

/** True for hosts on this machine (the only place plain http may carry a key). */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || /^127(\.\d{1,3}){3}$/.test(host) || host === "[::1]";
}

export interface Endpoint {
  /** The base URL without a trailing slash. */
  base: string;
  secure: boolean;
  loopback: boolean;
}

/** Checks a base URL: well formed, https unless the user chose http explicitly; keys only over https or loopback. */
export function resolveEndpoint(override: string | undefined, defaultBase: string, carriesSecret: boolean): Endpoint {
  const raw = (override?.trim() || defaultBase).replace(/\/+$/, "");
  const match = URL_PATTERN.exec(raw);
  if (!match) throw new GridError("config", `endpoint '${raw}' is not an http(s) URL like https://host[:port][/path]`);
  const [, scheme, host] = match;
  const loopback = isLoopbackHost(host.toLowerCase());
  const secure = scheme === "https";
  if (!secure && !override) throw new GridError("config", `default endpoint must be https: ${raw}`);
  if (!secure && carriesSecret && !loopback) {
    throw new GridError("config", `refusing to send credentials over plain http to ${host}; use https or a loopback address`);
  }
  return { base: raw, secure, loopback };
}

/** Builds `?a=1&b=2` from defined parameters, percent-encoded. */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** Replaces every occurrence of each secret (and its Basic-auth form) with "***" so errors never leak keys. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 3) out = out.split(secret).join("***");
  }
  return out;
}
