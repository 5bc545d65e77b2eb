import { strict as assert } from "node:assert";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchJsonCommands, launchSetup, readAccelerateConfig, readDeepSpeedConfig, readLaunchFiles, shellCommands } from "../../../../src/core/parallel/launch-files";
import { diskFiles } from "../../../../src/node/disk-files";

const setupOf = (text: string, script = "train.py") => shellCommands(text, "/w/run.sh").map((c) => launchSetup(c, script)).find((s) => s);

describe("launch files: how a script is started", () => {
  it("reads torchrun and python -m torch.distributed.run/launch, with continuation lines and shell variables", () => {
    const a = setupOf("N=8\ntorchrun --nnodes=2 \\\n  --nproc_per_node $N train.py --lr 3\n");
    assert.deepEqual([a?.gpusPerNode?.value, a?.nodes?.value, a?.gpusPerNode?.line], [8, 2, 2]);
    const b = setupOf("python3 -m torch.distributed.launch --nproc-per-node=${GPUS:-2} src/train.py");
    assert.equal(b?.gpusPerNode?.value, 2);
    assert.equal(b?.gpusPerNode?.from, "launch");
    // A positional parameter's default: `run_example.sh` without arguments runs train.py on 4 GPUs.
    const d = setupOf('echo "Launching ${1:-train.py} with ${2:-4} gpus"\ntorchrun --nnodes=1 --nproc_per_node=${2:-4} ${1:-train.py}');
    assert.deepEqual([d?.gpusPerNode?.value, d?.nodes?.value, d?.gpusPerNode?.line], [4, 1, 2]);
    // "gpu" (every visible GPU) is not a count; the launch is still distributed.
    const c = setupOf("torchrun --nproc_per_node=gpu train.py");
    assert.equal(c?.gpusPerNode, undefined);
    assert.ok(c?.distributed);
  });

  it("ignores commands that run another script, comments, and plain python", () => {
    assert.equal(setupOf("torchrun --nproc_per_node 4 eval.py"), undefined);
    assert.equal(setupOf("# torchrun --nproc_per_node 4 train.py"), undefined);
    assert.equal(setupOf("python train.py --gpus 4"), undefined);
    assert.equal(setupOf("torchrun --nproc_per_node 4 pretrain.py"), undefined);
  });

  it("reads accelerate launch (processes over all machines) and its sharding flags", () => {
    const s = setupOf("accelerate launch --num_processes 16 --num_machines 2 --use_fsdp --fsdp_sharding_strategy SHARD_GRAD_OP train.py");
    assert.deepEqual([s?.gpusPerNode?.value, s?.nodes?.value, s?.kind?.value, s?.zeroStage?.value], [8, 2, "fsdp", 2]);
    const d = setupOf("accelerate launch --use_deepspeed --zero_stage 3 --num_processes=4 train.py");
    assert.deepEqual([d?.kind?.value, d?.zeroStage?.value, d?.gpusPerNode?.value], ["deepspeed", 3, 4]);
    const m = setupOf("accelerate launch --config_file configs/acc.yaml train.py");
    assert.deepEqual(m?.configFiles?.map((c) => c.path), ["configs/acc.yaml"]);
  });

  it("reads the deepspeed launcher: --num_gpus, --include, --num_nodes, and the script's --deepspeed config", () => {
    const s = setupOf("deepspeed --num_gpus 4 --num_nodes 2 train.py --deepspeed ds_config.json");
    assert.deepEqual([s?.kind?.value, s?.gpusPerNode?.value, s?.nodes?.value, s?.configFiles?.[0].path], ["deepspeed", 4, 2, "ds_config.json"]);
    assert.equal(setupOf("deepspeed --include localhost:0,1,2 train.py")?.gpusPerNode?.value, 3);
  });

  it("reads Accelerate's YAML and DeepSpeed's JSON configs", () => {
    const yaml = readAccelerateConfig("compute_environment: LOCAL_MACHINE\ndistributed_type: DEEPSPEED\ndeepspeed_config:\n  zero_stage: 2\nnum_machines: 1\nnum_processes: 4\n", "/w/acc.yaml");
    assert.deepEqual([yaml.kind?.value, yaml.zeroStage?.value, yaml.gpusPerNode?.value, yaml.zeroStage?.line], ["deepspeed", 2, 4, 4]);
    const fsdp = readAccelerateConfig("distributed_type: FSDP\nfsdp_config:\n  fsdp_sharding_strategy: 2\nnum_processes: 8\n", "/w/f.yaml");
    assert.deepEqual([fsdp.kind?.value, fsdp.zeroStage?.value], ["fsdp", 2]);
    assert.equal(readDeepSpeedConfig('{"train_batch_size": 32, "zero_optimization": {"stage": 3}}', "/w/ds.json").zeroStage?.value, 3);
    assert.equal(readDeepSpeedConfig('{"train_batch_size": 32}', "/w/ds.json").zeroStage?.value, 0);
    // "auto" and broken files say nothing rather than guess.
    assert.deepEqual(readDeepSpeedConfig('{"zero_optimization": {"stage": "auto"}}', "/w/ds.json"), {});
    assert.deepEqual(readDeepSpeedConfig("{not json", "/w/ds.json"), {});
  });

  it("reads VS Code launch configurations that run torch.distributed.run", () => {
    const text = `{
      // comments and trailing commas, as VS Code allows
      "configurations": [
        { "name": "ddp", "type": "debugpy", "module": "torch.distributed.run", "args": ["--nproc_per_node", "2", "\${workspaceFolder}/train.py",], },
      ],
    }`;
    const setup = launchJsonCommands(text, "/w/.vscode/launch.json").map((c) => launchSetup(c, "train.py")).find((s) => s);
    assert.equal(setup?.gpusPerNode?.value, 2);
    assert.equal(setup?.gpusPerNode?.line, 4);
  });

  it("finds launch scripts beside the script and at the root, and follows the configs they name", () => {
    const root = mkdtempSync(join(tmpdir(), "gl-launch-"));
    try {
      mkdirSync(join(root, "src"));
      mkdirSync(join(root, "src/pkg"));
      writeFileSync(join(root, "src/pkg/main.py"), "print(1)\n");
      writeFileSync(join(root, "src/run.sh"), "torchrun --standalone --nproc_per_node=${2:-16} ${1:-main.py}\n");
      mkdirSync(join(root, "scripts"));
      writeFileSync(join(root, "src/train.py"), "print(1)\n");
      writeFileSync(join(root, "scripts/other.sh"), "torchrun --nproc_per_node 2 eval.py\n");
      writeFileSync(join(root, "scripts/train.sh"), "accelerate launch --config_file acc.yaml src/train.py\n");
      writeFileSync(join(root, "acc.yaml"), "distributed_type: DEEPSPEED\nnum_processes: 8\ndeepspeed_config_file: ds.json\n");
      writeFileSync(join(root, "ds.json"), '{"zero_optimization": {"stage": 1}}');
      const read = readLaunchFiles(diskFiles(), root, join(root, "src/train.py"));
      assert.deepEqual([read.setup.gpusPerNode?.value, read.setup.kind?.value, read.setup.zeroStage?.value], [8, "deepspeed", 1]);
      assert.deepEqual(read.files.map((f) => f.slice(root.length + 1)), ["scripts/train.sh", "acc.yaml", "ds.json"]);
      // A launch script one folder above the script counts too.
      assert.equal(readLaunchFiles(diskFiles(), root, join(root, "src/pkg/main.py")).setup.gpusPerNode?.value, 16);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
