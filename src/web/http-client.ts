// The web host's HttpClient: fetch, with a timeout over headers and body.
import { HttpTimeoutError, type HttpClient, type HttpRequestOptions, type HttpResponse } from "../core/grid/http";

const DEFAULT_TIMEOUT_MS = 10_000;

/** HttpClient over the platform's fetch; any HTTP status resolves, network failures and timeouts reject. */
export class FetchHttpClient implements HttpClient {
  constructor(private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {}

  async get(url: string, options: HttpRequestOptions = {}): Promise<HttpResponse> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal as AbortSignal]) : timeout;
    try {
      const response = await this.fetchImpl(url, {
        method: "GET",
        headers: { accept: "application/json", ...options.headers },
        signal,
        redirect: "error",
        // Browsers must not attach the user's cookies for other sites to provider calls.
        credentials: "omit",
      });
      const text = await response.text();
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, text };
    } catch (err) {
      if (timeout.aborted) throw new HttpTimeoutError(`no answer within ${timeoutMs} ms`);
      throw err;
    }
  }
}
