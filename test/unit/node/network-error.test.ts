import * as assert from "assert";
import { plainNetworkError } from "../../../src/node/network-error";

describe("network errors in plain words (src/node/network-error.ts)", () => {
  const withCode = (code: string, nested = false) => {
    const error = Object.assign(new Error(`getaddrinfo ${code} api.example`), { code });
    return nested ? new TypeError("fetch failed", { cause: error }) : error;
  };

  it("names what happened and keeps the code for the log, also when undici nests it as the cause", () => {
    assert.equal(plainNetworkError(withCode("ENOTFOUND")), "its host name could not be found (check the address, or the network's DNS) [ENOTFOUND]");
    assert.match(plainNetworkError(withCode("ECONNREFUSED", true)), /^the connection was refused .*\[ECONNREFUSED\]$/);
    assert.match(plainNetworkError(withCode("UND_ERR_CONNECT_TIMEOUT")), /^the connection timed out/);
    assert.match(plainNetworkError(withCode("UNABLE_TO_VERIFY_LEAF_SIGNATURE")), /TLS certificate/);
    assert.ok(!plainNetworkError(withCode("ENOTFOUND")).includes("getaddrinfo"));
  });

  it("an unknown code or none still says it was the network", () => {
    assert.equal(plainNetworkError(withCode("EWEIRD")), "network error [EWEIRD]");
    assert.equal(plainNetworkError(new Error("socket hang up")), "network error: socket hang up");
  });
});
