// The one door to the network: hosts implement it (undici in Node, fetch on the web) so the core stays pure.

/** The part of AbortSignal the core needs; the DOM's and Node's AbortSignal both fit. */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

export interface HttpRequestOptions {
  headers?: Record<string, string>;
  /** The host aborts the request after this many milliseconds and rejects with an HttpTimeoutError-like error. */
  timeoutMs?: number;
  signal?: AbortSignalLike;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  text: string;
}

/** GET only: every provider reads. Rejects on network failure or timeout; any HTTP status resolves. */
export interface HttpClient {
  get(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
}

/** Hosts throw this (or an error named "TimeoutError"/"AbortError") when timeoutMs elapses. */
export class HttpTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TimeoutError";
  }
}
