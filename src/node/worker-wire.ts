// How the desktop's analysis worker sends its answers: as v8-serialized bytes that the host decodes in its own message
// handler. The bytes cost the same to decode as a structured clone, but a clone is decoded by Node's native port code
// before any handler runs, where the host's profile cannot tell it from VS Code's own work; decoded here, the time
// the host spends reading Greenlight's results is on Greenlight's stack, where the responsiveness test counts it.
import { deserialize, serialize } from "node:v8";

/** A worker message as bytes for postMessage. */
export function encodeMessage(message: unknown): Uint8Array {
  return serialize(message);
}

/** The message `encodeMessage` wrote (throws on bytes it did not write). */
export function decodeMessage<T>(bytes: Uint8Array): T {
  return deserialize(bytes) as T;
}
