import { strict as assert } from "node:assert";
import { commentFreeText } from "../../../../src/core/python/comment-free-text";

// Comments blanked for tests that read names as words (src/core/python/comment-free-text.ts).
describe("a module's text without its comments", () => {
  it("blanks a comment to the line's end and keeps the text's length", () => {
    const text = "net.fit(x, y)\n# train_all()\nrun()  # then train_all()\n";
    const out = commentFreeText(text);
    assert.equal(out.length, text.length);
    assert.doesNotMatch(out, /train_all/);
    assert.match(out, /run\(\)/);
  });

  it("keeps a # inside strings, triple-quoted ones across lines included", () => {
    const text = `tag = "# train_all()"\ndoc = """\n# train_all()\n"""\nx = 'it\\'s # here'\n`;
    assert.equal(commentFreeText(text), text);
  });

  it("keeps what follows a statement of ... alone, a notebook's IPython line (%time train_all())", () => {
    const text = "...#e train_all()\n    ...# train_all()\nx = ...  # train_all()\n";
    const out = commentFreeText(text);
    assert.equal(out.split("\n")[0], "...#e train_all()");
    assert.equal(out.split("\n")[1], "    ...# train_all()");
    assert.doesNotMatch(out.split("\n")[2]!, /train_all/);
  });
});
