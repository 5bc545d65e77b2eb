// The core's Python files (the torchvision zoo, keras.applications) import as their text: esbuild's text loader in
// the bundles, tools/python-text/register.mjs under Node.
declare module "*.py" {
  const text: string;
  export default text;
}
