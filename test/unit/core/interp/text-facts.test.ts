import { strict as assert } from "node:assert";
import { TextFacts } from "../../../../src/core/interp/text-facts";

describe("TextFacts: scans of a file's text kept while the text is unchanged (src/core/interp/text-facts.ts)", () => {
  it("computes a fact once per text of a file, and again when the text changes", () => {
    const facts = new TextFacts();
    let scans = 0;
    const mentionsConv = (text: string) => {
      scans++;
      return /\bConv\b/.test(text);
    };
    assert.equal(facts.get("/p/a.py", "class Conv: pass\n", "mentions Conv", mentionsConv), true);
    assert.equal(facts.get("/p/a.py", "class Conv: pass\n", "mentions Conv", mentionsConv), true);
    assert.equal(scans, 1);
    // Same key, another file; same file, another text: each scanned afresh.
    assert.equal(facts.get("/p/b.py", "x = 1\n", "mentions Conv", mentionsConv), false);
    assert.equal(facts.get("/p/a.py", "class Linear: pass\n", "mentions Conv", mentionsConv), false);
    assert.equal(scans, 3);
    // A new text dropped the old one's facts: going back scans again.
    assert.equal(facts.get("/p/a.py", "class Conv: pass\n", "mentions Conv", mentionsConv), true);
    assert.equal(scans, 4);
  });

  it("keeps facts of different keys apart, and forgets the oldest files past its capacity", () => {
    const facts = new TextFacts(2);
    assert.equal(facts.get("/a.py", "t", "k1", () => 1), 1);
    assert.equal(facts.get("/a.py", "t", "k2", () => 2), 2);
    assert.equal(facts.get("/a.py", "t", "k1", () => 99), 1);
    facts.get("/b.py", "t", "k1", () => 3);
    facts.get("/c.py", "t", "k1", () => 4);
    assert.equal(facts.get("/a.py", "t", "k1", () => 5), 5);
    facts.clear();
    assert.equal(facts.get("/c.py", "t", "k1", () => 6), 6);
  });
});
