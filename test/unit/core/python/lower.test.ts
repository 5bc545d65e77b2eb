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
});
