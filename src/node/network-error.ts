// Network failures in plain words. Node and undici report them as codes ("getaddrinfo ENOTFOUND api.example",
// "connect ECONNREFUSED"), which mean nothing to most people and used to reach tooltips as they were.

const PLAIN: readonly [RegExp, string][] = [
  [/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME)$/, "its host name could not be found (check the address, or the network's DNS)"],
  [/^ECONNREFUSED$/, "the connection was refused (nothing answers at that address and port)"],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/, "the connection was closed before an answer came"],
  [/^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/, "the connection timed out"],
  [/^(ENETUNREACH|EHOSTUNREACH|ENETDOWN)$/, "the network or host cannot be reached from this machine"],
  [/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/, "its TLS certificate was not accepted"],
];

/** The error code of a Node or undici network error (on the error or its cause), if any. */
function codeOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A sentence for a failed request ("the connection was refused ..."), keeping the code for the log. */
export function plainNetworkError(error: unknown): string {
  const code = codeOf(error);
  const plain = code ? PLAIN.find(([pattern]) => pattern.test(code))?.[1] : undefined;
  if (plain) return `${plain} [${code}]`;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `network error [${code}]` : `network error: ${message}`;
}
