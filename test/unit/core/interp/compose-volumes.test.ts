import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { composeMountedPlaces } from "../../../../src/core/interp/compose-volumes";

// Our own container project: the script reads its settings from the container's /srv/app/settings, which the
// Compose file mounts from the repository's settings/ folder.
const script = `import yaml
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

with open("/srv/app/settings/run.yaml") as f:
    cfg = yaml.safe_load(f)["train"]
model = AutoModelForCausalLM.from_pretrained("some/model")
args = TrainingArguments(output_dir="out", max_steps=cfg["max_steps"], per_device_train_batch_size=cfg["batch"], bf16=cfg["bf16"])
Trainer(model=model, args=args, train_dataset=None).train()
`;
const settings = "train:\n  max_steps: 12\n  batch: 3\n  bf16: true\n";
const compose = (volume: string) => `services:\n  trainer:\n    build: .\n    volumes:\n${volume}\n      - cache:/root/.cache\nvolumes:\n  cache: {}\n`;

describe("container paths mounted by the repository's Docker Compose file (src/core/interp/compose-volumes.ts)", () => {
  it("a file under a bind mount's target is read from the mounted folder of the repository", async () => {
    const plan = (await analyze(script, { others: { "/project/docker-compose.yml": compose("      - ./settings:/srv/app/settings:ro"), "/project/settings/run.yaml": settings } })).training;
    assert.deepEqual([plan?.steps?.value, plan?.batch?.value, plan?.precision?.value], [12, 3, "bf16"]);
  });

  it("the long syntax mounts too; without a Compose file the container path stays missing", async () => {
    const long = "      - type: bind\n        source: ./settings\n        target: /srv/app/settings";
    const plan = (await analyze(script, { others: { "/project/compose.yaml": compose(long), "/project/settings/run.yaml": settings } })).training;
    assert.equal(plan?.steps?.value, 12);
    const bare = (await analyze(script, { others: { "/project/settings/run.yaml": settings } })).training;
    assert.equal(bare?.steps, undefined);
  });

  it("only relative bind sources map, the deepest target first", () => {
    const text = compose("      - ./conf:/srv\n      - ./conf/deep:/srv/app\n      - /mnt/host:/srv/host\n      - ${DATA}:/srv/data");
    const read = (f: string) => (f === "/project/docker-compose.yml" ? text : undefined);
    assert.deepEqual(composeMountedPlaces("/srv/app/x.yaml", ["/project"], read), ["/project/conf/deep/x.yaml", "/project/conf/app/x.yaml"]);
    assert.deepEqual(composeMountedPlaces("/srv/host/x.yaml", ["/project"], read), ["/project/conf/host/x.yaml"]);
    assert.deepEqual(composeMountedPlaces("/etc/x.yaml", ["/project"], read), []);
  });
});
