import assert from "node:assert/strict";
import { lowerModule } from "../../../../src/core/python/lower";
import { testParser } from "../../helpers/analyze";

// String literals lowered to their Python values (src/core/python/lower.ts).
async function literal(source: string): Promise<string> {
  const parser = await testParser();
  const [statement] = lowerModule(parser.parse(`x = ${source}\n`)).body;
  assert.ok(statement?.type === "assign" && statement.value.type === "str", `a string literal: ${source}`);
  const value = statement.value.value;
  assert.ok(value !== null, `a literal without interpolation: ${source}`);
  return value;
}

describe("string literals", () => {
  it("decode their escape sequences as Python does", async () => {
    assert.equal(await literal(String.raw`'a\nb'`), "a\nb");
    assert.equal(await literal(String.raw`"tab\there"`), "tab\there");
    assert.equal(await literal(String.raw`'\\'`), "\\");
    assert.equal(await literal(String.raw`'\x41\u00e9'`), "Aé");
    assert.equal(await literal("'one \\\ntwo'"), "one two");
  });

  it("keep escapes Python keeps: raw strings and unknown escapes", async () => {
    assert.equal(await literal(String.raw`r'a\nb'`), String.raw`a\nb`);
    assert.equal(await literal(String.raw`'\d+'`), String.raw`\d+`);
  });

  it("decode octal and control escapes, and keep what bytes or a bad sequence leave undecoded", async () => {
    assert.equal(await literal(String.raw`'\101\0\a'`), "A\0\x07");
    assert.equal(await literal(String.raw`b'\u00e9\x41'`), String.raw`\u00e9` + "A");
    // a Matlab comment copied into a docstring: `\U` without eight hex digits (Python rejects it in a str)
    assert.equal(await literal(String.raw`'r = X\U.'`), String.raw`r = X\U.`);
    assert.equal(await literal(String.raw`'\U00110000'`), String.raw`\U00110000`);
    assert.equal(await literal(String.raw`'\N{DASH}'`), String.raw`\N{DASH}`);
  });
});
