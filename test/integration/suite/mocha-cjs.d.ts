// mocha 12 ships its Node build as lib/mocha.cjs without a declaration of its own.
declare module "mocha/lib/mocha.cjs" {
  const Mocha: new (options: Record<string, unknown>) => unknown;
  export default Mocha;
}
