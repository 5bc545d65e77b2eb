// Keys live only in VS Code's SecretStorage (never settings, never logs).
import type * as vscode from "vscode";
import type { GridCredentials } from "../../core/grid/create-service";

export const SECRET_KEYS = {
  electricityMapsToken: "greenlight.grid.electricityMapsToken",
  wattTimeUsername: "greenlight.grid.wattTimeUsername",
  wattTimePassword: "greenlight.grid.wattTimePassword",
} as const satisfies Record<keyof GridCredentials, string>;

/** Reads every stored key; missing ones are undefined. */
export async function readCredentials(secrets: vscode.SecretStorage): Promise<GridCredentials> {
  const [electricityMapsToken, wattTimeUsername, wattTimePassword] = await Promise.all([
    secrets.get(SECRET_KEYS.electricityMapsToken),
    secrets.get(SECRET_KEYS.wattTimeUsername),
    secrets.get(SECRET_KEYS.wattTimePassword),
  ]);
  return { electricityMapsToken, wattTimeUsername, wattTimePassword };
}
