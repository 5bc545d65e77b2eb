import packageJson from "../../package.json";

/** Greenlight's version: package.json's, bundled at build time, so `--version` and SARIF's driver never disagree. */
export const VERSION: string = packageJson.version;
