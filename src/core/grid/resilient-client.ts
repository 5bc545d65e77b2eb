// Timeouts, bounded retries with exponential backoff (honouring Retry-After), and a per-URL cache of validated
// answers. Retry policy follows RFC 9110 §10.2.3 (Retry-After as seconds or an HTTP date) and the usual
// "exponential backoff" of cloud SDKs: base × 2^attempt, capped.
import { formatDuration } from "../report/format";
import type { HttpClient, HttpResponse } from "./http";
import { redact } from "./endpoint";
import { GridError } from "./types";

export type Sleep = (ms: number) => Promise<void>;

export interface ResilientClientOptions {
  now: () => number;
  sleep: Sleep;
  /** The whole call, retries and their waits included: an answer or an error within this (default 10 s). */
  timeoutMs?: number;
  /** Extra attempts after the first, for timeouts, network errors, 429 and 5xx. */
  retries?: number;
  baseDelayMs?: number;
  /** No wait is longer; a Retry-After beyond it ends the attempts instead (the server asked us to stay away). */
  maxDelayMs?: number;
  maxCacheEntries?: number;
}

export interface JsonRequest<T> {
  url: string;
  headers?: Record<string, string>;
  /** How long a validated answer is reused (the provider's resolution). 0 disables the cache. */
  ttlMs: number;
  /** Parses and validates the body; throws GridError("invalid-response") on a bad body, which is never cached. */
  parse: (text: string) => T;
  /** Values to blank out of any error message. */
  secrets?: readonly (string | undefined)[];
  /** What is being fetched, for messages ("UK Carbon Intensity current"). */
  what: string;
}

interface CacheEntry {
  value: unknown;
  fetchedAt: number;
  ttlMs: number;
}

/** The shortest attempt worth starting once the budget runs low. */
const MIN_ATTEMPT_MS = 250;

/** Wraps an HttpClient with timeouts, retries, backoff and a cache; every failure is a GridError. */
export class ResilientClient {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** Hosts that asked (by a long Retry-After) not to be called before a time: no request goes there until then. */
  private readonly blockedUntil = new Map<string, number>();
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxCacheEntries: number;

  constructor(
    private readonly http: HttpClient,
    private readonly options: ResilientClientOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = Math.max(0, options.retries ?? 2);
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.maxCacheEntries = Math.max(1, options.maxCacheEntries ?? 64);
  }

  /** Drops every cached answer (a manual refresh). */
  clearCache(): void {
    this.cache.clear();
  }

  get cacheSize(): number {
    return this.cache.size;
  }

  /** GETs, validates and caches a JSON answer. Concurrent calls for the same URL share one request. */
  async getJson<T>(request: JsonRequest<T>): Promise<T> {
    const key = request.url;
    const cached = this.cache.get(key);
    const now = this.options.now();
    if (cached && now - cached.fetchedAt < cached.ttlMs && now >= cached.fetchedAt) {
      // Re-insert so the Map's order is least-recently-used first.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached.value as T;
    }
    const pending = this.inflight.get(key);
    if (pending) return pending as Promise<T>;
    const promise = this.fetchWithRetries(request).finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  private async fetchWithRetries<T>(request: JsonRequest<T>): Promise<T> {
    const host = hostOf(request.url);
    const blocked = this.blockedUntil.get(host);
    if (blocked !== undefined) {
      const wait = blocked - this.options.now();
      if (wait > 0) throw new GridError("rate-limited", `${request.what}: ${host} asked not to be called for another ${Math.ceil(wait / 1000)} s`);
      this.blockedUntil.delete(host);
    }
    // One budget for the call: a provider that never answers costs timeoutMs in all, not timeoutMs per attempt.
    const deadline = this.options.now() + this.timeoutMs;
    const left = () => deadline - this.options.now();
    /** Another attempt only when its wait still leaves time for an answer. */
    const canRetry = (attempt: number, wait: number) => attempt < this.retries && left() - wait >= MIN_ATTEMPT_MS;
    for (let attempt = 0; ; attempt++) {
      let response: HttpResponse;
      try {
        response = await this.http.get(request.url, { headers: request.headers, timeoutMs: Math.max(1, left()) });
      } catch (err) {
        const timeout = isTimeout(err);
        if (canRetry(attempt, this.backoff(attempt))) {
          await this.options.sleep(this.backoff(attempt));
          continue;
        }
        const detail = err instanceof Error ? err.message : String(err);
        throw new GridError(
          timeout ? "timeout" : "network",
          redact(
            timeout
              ? `${request.what}: no answer from ${host} within ${formatDuration(this.timeoutMs / 1000)} (${attempt + 1} attempt${attempt === 0 ? "" : "s"})`
              : `${request.what}: cannot reach ${host} (${detail})`,
            request.secrets ?? [],
          ),
        );
      }
      const { status } = response;
      if (status >= 200 && status < 300) {
        const value = request.parse(response.text);
        this.store(request.url, value, request.ttlMs);
        return value;
      }
      const summary = redact(`${request.what}: HTTP ${status} from ${host}${bodyHint(response)}`, request.secrets ?? []);
      if (status === 401 || status === 403) throw new GridError("auth", `${summary}; check the key or account`, status);
      if (status === 429 || status >= 500) {
        const retryAfter = parseRetryAfter(response.headers["retry-after"], this.options.now());
        if (retryAfter !== undefined && retryAfter > this.maxDelayMs) {
          this.blockedUntil.set(host, this.options.now() + retryAfter);
          throw new GridError(
            status === 429 ? "rate-limited" : "http",
            `${summary}; the server asks to retry after ${Math.ceil(retryAfter / 1000)} s`,
            status,
          );
        }
        if (canRetry(attempt, retryAfter ?? this.backoff(attempt))) {
          await this.options.sleep(retryAfter ?? this.backoff(attempt));
          continue;
        }
        throw new GridError(status === 429 ? "rate-limited" : "http", `${summary} after ${attempt + 1} attempts`, status);
      }
      throw new GridError("http", summary, status);
    }
  }

  private backoff(attempt: number): number {
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt);
  }

  private store(key: string, value: unknown, ttlMs: number): void {
    if (ttlMs <= 0) return;
    this.cache.delete(key);
    this.cache.set(key, { value, fetchedAt: this.options.now(), ttlMs });
    while (this.cache.size > this.maxCacheEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function isTimeout(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === "TimeoutError" || err.name === "AbortError" || /timed? ?out/i.test(err.message);
}

function hostOf(url: string): string {
  return /^[a-z]+:\/\/([^/?#]+)/i.exec(url)?.[1] ?? url;
}

function bodyHint(response: HttpResponse): string {
  const text = response.text.trim();
  if (!text) return "";
  if (/^<(!doctype|html)/i.test(text)) return " (an HTML error page)";
  const oneLine = text.replace(/\s+/g, " ").slice(0, 160);
  return `: ${oneLine}`;
}
