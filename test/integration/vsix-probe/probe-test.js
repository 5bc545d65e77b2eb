// Run by the extension host after `code-server --install-extension greenlight.vsix`: checks that the installed
// (packaged) extension activates on a Python file and that its CodeLens provider answers. Plain CommonJS: no build.
const vscode = require("vscode");

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function check(name, action) {
  try {
    await action();
    console.log(`  ✓ ${name}`);
    return true;
  } catch (error) {
    console.log(`  ✗ ${name}\n      ${error && error.stack ? error.stack : error}`);
    return false;
  }
}

exports.run = async function run() {
  const results = [];
  const extension = vscode.extensions.getExtension("greenlight.greenlight");
  results.push(await check("the .vsix is installed", async () => {
    if (!extension) throw new Error("greenlight.greenlight is not installed");
    if (extension.extensionPath.includes("/test/integration/")) throw new Error("found the development copy, not the installed one");
  }));
  results.push(await check("the report page's script and style are packaged", async () => {
    // The page is built from src/webview/report/ into dist/; a .vscodeignore that left it out would show a blank report.
    for (const file of ["dist/webview/report.js", "media/report/report.css"]) {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, file));
      if (stat.size === 0) throw new Error(`${file} is empty`);
    }
  }));
  results.push(await check("it activates on a Python file and shows CodeLens", async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const files = await vscode.workspace.findFiles("**/*.py", undefined, 20);
    if (files.length === 0) throw new Error(`no Python files in ${folder}`);
    const document = await vscode.workspace.openTextDocument(files.find((f) => f.path.endsWith("simple_cnn.py")) || files[0]);
    await vscode.window.showTextDocument(document);
    for (let i = 0; i < 100 && !extension.isActive; i++) await sleep(100);
    if (!extension.isActive) throw new Error("not active 10 s after opening a Python file");
    let lenses = [];
    for (let i = 0; i < 100 && lenses.length === 0; i++) {
      lenses = (await vscode.commands.executeCommand("vscode.executeCodeLensProvider", document.uri, 10)) || [];
      if (lenses.length === 0) await sleep(200);
    }
    if (lenses.length === 0) throw new Error("no CodeLens after 20 s");
    console.log(`      first CodeLens: ${lenses[0].command && lenses[0].command.title}`);
  }));
  const passed = results.filter(Boolean).length;
  console.log(`HARNESS-RESULT: ${passed} passed, ${results.length - passed} failed`);
  // Under the harness's driver (it sets GREENLIGHT_HARNESS_ACK_DIR), the driver ends the run when it reads the line
  // above by closing the workbench. Returning would make the workbench stop this extension host itself, and a probe
  // this short ends while the workbench's own start-up calls into the built-in sign-in extensions (its account
  // cache) can still be in flight: it logs each call so cancelled with a "Canceled" stack trace.
  if (process.env.GREENLIGHT_HARNESS_ACK_DIR) await new Promise(() => {});
  if (passed !== results.length) throw new Error("the installed .vsix does not work");
};
