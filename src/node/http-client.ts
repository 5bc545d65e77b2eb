// The Node host's HttpClient: undici (which follows no redirects), with a hard timeout over headers and body and a
// cap on the body's size.
import { request } from "undici";
import { plainNetworkError } from "./network-error";
import { HttpTimeoutError, type HttpClient, type HttpRequestOptions, type HttpResponse } from "../core/grid/http";

/** Bodies past this are cut off with an error: no provider answer comes near it, a runaway server might. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

/** HttpClient over undici.request; any HTTP status resolves, network failures and timeouts reject. */
export class UndiciHttpClient implements HttpClient {
  async get(url: string, options: HttpRequestOptions = {}): Promise<HttpResponse> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal as AbortSignal]) : timeout;
    try {
      const response = await request(url, {
        method: "GET",
        headers: { accept: "application/json", "user-agent": "greenlight", ...options.headers },
        signal,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY_BYTES) {
          response.body.destroy();
          throw new Error(`answer larger than ${MAX_BODY_BYTES} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
      }
      return { status: response.statusCode, headers, text: Buffer.concat(chunks).toString("utf8") };
    } catch (err) {
      if (timeout.aborted) throw new HttpTimeoutError(`no answer within ${timeoutMs} ms`);
      if (options.signal?.aborted) throw err;
      throw new Error(plainNetworkError(err), { cause: err });
    }
  }
}
