import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diskFiles, MAX_SOURCE_BYTES } from "../../../src/node/disk-files";
import { FileSnapshots } from "../../../src/node/file-snapshots";
import { isTableFile, MAX_TABLE_BYTES } from "../../../src/core/table-files";

describe("data tables are read up to their own size limit (src/core/table-files.ts)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "greenlight-tables-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a .tsv or .csv larger than a source file is read; a .py of that size and a table over the table limit are not", () => {
    // Rows of "a b\t0\n" past the source limit: a table of a few hundred thousand records.
    const rows = "a b\t0\n".repeat(Math.ceil((MAX_SOURCE_BYTES + 1) / 6));
    writeFileSync(join(dir, "train.tsv"), rows);
    writeFileSync(join(dir, "train.CSV"), rows);
    writeFileSync(join(dir, "big.py"), rows);
    writeFileSync(join(dir, "huge.csv"), Buffer.alloc(MAX_TABLE_BYTES + 1, 0x41));
    for (const files of [diskFiles(), new FileSnapshots()]) {
      assert.equal(files.read(join(dir, "train.tsv"))?.length, rows.length);
      assert.equal(files.read(join(dir, "train.CSV"))?.length, rows.length);
      assert.equal(files.read(join(dir, "big.py")), undefined);
      assert.equal(files.read(join(dir, "huge.csv")), undefined);
    }
  });

  it("tables are named by their extension", () => {
    assert.deepEqual(["a.csv", "b/c.TSV", "d.csv.py", "e.txt"].map(isTableFile), [true, true, false, false]);
    // JSON Lines: one record a line, counted as a table's rows are.
    assert.deepEqual(["train.jsonl", "f.JSONL", "g.json"].map(isTableFile), [true, true, false]);
  });
});
