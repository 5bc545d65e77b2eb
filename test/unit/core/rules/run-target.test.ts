import assert from "node:assert/strict";
import { inferenceCalls, assignmentsFromCalls } from "../../../../src/core/rules/model-usage";
import { PythonFile } from "../../../../src/core/rules/python-file";
import { runTargetOf, type RunTarget } from "../../../../src/core/rules/run-target";
import { testParser } from "../../helpers/analyze";

/** Where the model assigned to `variable` runs, as the rules read it from the text. */
async function targetOf(text: string, variable = "model"): Promise<RunTarget> {
  const tree = (await testParser()).parse(text);
  try {
    const file = new PythonFile("/p/main.py", text, tree);
    const site = assignmentsFromCalls(file).find((a) => a.variable === variable);
    assert.ok(site, `no assignment of ${variable}`);
    return runTargetOf(file, variable, site, inferenceCalls(file, variable));
  } finally {
    tree.delete();
  }
}

const NET = "import torch\nimport torch.nn as nn\n\n\nclass Net(nn.Module):\n    pass\n\n\n";

describe("where a model runs, read from the script", () => {
  it("a script that never mentions a GPU runs on the CPU", async () => {
    const t = await targetOf(`${NET}model = Net()\nmodel.eval()\nmodel(torch.ones(1))\n`);
    assert.equal(t.device, "cpu");
    assert.equal(t.precision, "fp32");
  });

  it("reads .cuda(), .to('cuda:0'), .to(0), and a device variable picked when CUDA is available", async () => {
    assert.equal((await targetOf(`${NET}model = Net().cuda()\n`)).device, "cuda");
    assert.equal((await targetOf(`${NET}model = Net()\nmodel.to("cuda:0")\n`)).device, "cuda");
    assert.equal((await targetOf(`${NET}model = Net()\nmodel.to(0)\n`)).device, "cuda");
    const picked = await targetOf(`${NET}device = torch.device("cuda" if torch.cuda.is_available() else "cpu")\nmodel = Net().to(device)\n`);
    assert.equal(picked.device, "cuda");
    assert.match(picked.deviceReason, /to\(device\)/);
  });

  it("says when a move happens only under a condition the model's construction is not under", async () => {
    const flag = `${NET}import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("--cuda", action="store_true")\nargs = parser.parse_args()\nmodel = Net()\nif args.cuda:\n    model.cuda()\n`;
    const t = await targetOf(flag);
    assert.equal(t.device, "cuda");
    assert.equal(t.deviceReason, ".cuda() when args.cuda");
    // Built and moved under the same condition: the move always follows the construction.
    const both = `${NET}if True:\n    model = Net()\n    model.cuda()\n`;
    assert.equal((await targetOf(both)).deviceReason, ".cuda()");
  });

  it("reads a device from an argparse flag's default and from a config object", async () => {
    const flag = `${NET}import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("--device", default="cpu")\nargs = parser.parse_args()\nmodel = Net().to(torch.device(args.device))\n`;
    assert.equal((await targetOf(flag)).device, "cpu");
    const gpuFlag = flag.replace('default="cpu"', 'default="cuda"');
    assert.equal((await targetOf(gpuFlag)).device, "cuda");
    const config = `${NET}from dataclasses import dataclass\n\n\n@dataclass\nclass Config:\n    device: str = "cuda"\n    dtype: str = "bfloat16"\n\n\ncfg = Config()\nmodel = Net().to(cfg.device)\n`;
    assert.equal((await targetOf(config)).device, "cuda");
    const given = config.replace("cfg = Config()", 'cfg = Config(device="cpu")');
    assert.equal((await targetOf(given)).device, "cpu");
  });

  it("inside a function, follows the function's own names and its parameters' defaults", async () => {
    const text = `${NET}def main(device="cuda"):\n    model = Net()\n    model.to(device)\n    return model(torch.ones(1))\n`;
    assert.equal((await targetOf(text)).device, "cuda");
  });

  it("device_map= puts a Hugging Face model on the GPU; a moved-by-helper model in a GPU script is unknown", async () => {
    const hf = `from transformers import AutoModelForCausalLM\nmodel = AutoModelForCausalLM.from_pretrained("gpt2", device_map="auto", torch_dtype=torch.bfloat16)\n`;
    const t = await targetOf(hf);
    assert.equal(t.device, "cuda");
    assert.equal(t.precision, "bf16");
    assert.equal(t.autocast, false);
    const helper = `${NET}def place(m):\n    return m.cuda()\n\n\nmodel = Net()\nmodel = place(model)\n`;
    assert.equal((await targetOf(helper)).device, "unknown");
  });

  it("reads a cast made where the model is made: a default dtype set before it, a class that casts itself, a factory", async () => {
    // torch.set_default_tensor_type / set_default_dtype before the construction, in its function or at module level.
    const tensorType = await targetOf(`${NET}def build():
    if torch.cuda.is_bf16_supported():
        torch.set_default_tensor_type(torch.cuda.BFloat16Tensor)
    else:
        torch.set_default_tensor_type(torch.cuda.HalfTensor)
    model = Net()
    return model
`);
    assert.equal(tensorType.precision, "bf16");
    assert.equal(tensorType.device, "cuda", "a torch.cuda tensor type puts new parameters on CUDA");
    assert.equal((await targetOf(`${NET}torch.set_default_dtype(torch.float16)
model = Net()
`)).precision, "fp16");
    assert.equal((await targetOf(`${NET}model = Net()
torch.set_default_dtype(torch.float16)
`)).precision, "fp32", "set after the model is built");
    assert.equal((await targetOf(`${NET}def other():
    torch.set_default_dtype(torch.float16)


model = Net()
`)).precision, "fp32", "set in another function");
    // A class whose __init__ casts its modules (norm layers kept in fp32).
    const selfCast = "import torch\nimport torch.nn as nn\n\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 2)\n        for mod in self.modules():\n            if isinstance(mod, nn.BatchNorm2d):\n                mod.float()\n            else:\n                mod.half()\n\n\nmodel = Net().cuda().to(memory_format=torch.channels_last)\n";
    const cast = await targetOf(selfCast);
    assert.equal(cast.precision, "fp16");
    assert.match(cast.precisionReason ?? "", /mod\.half\(\) in its __init__/);
    assert.equal((await targetOf(selfCast.replace("mod.half()", "mod.train()"))).precision, "fp32");
    // A factory of the file that returns the model cast.
    const factory = await targetOf(`${NET}def make_net():
    net = Net()
    net = net.half().cuda()
    return net


model = make_net()
`);
    assert.equal(factory.precision, "fp16");
    assert.equal(factory.device, "cuda");
    assert.match(factory.precisionReason ?? "", /in make_net\(\)/);
  });

  it("reads the precision: .half(), .to(torch.bfloat16), .to(dtype) through a dtype table, autocast around the calls", async () => {
    assert.equal((await targetOf(`${NET}model = Net().cuda().half()\n`)).precision, "fp16");
    assert.equal((await targetOf(`${NET}model = Net()\nmodel.to("cuda", dtype=torch.bfloat16)\n`)).precision, "bf16");
    const table = `${NET}dtype = "bfloat16"\nptdtype = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[dtype]\nmodel = Net().cuda()\nmodel.to(ptdtype)\n`;
    assert.equal((await targetOf(table)).precision, "bf16");
    const ctx = `${NET}model = Net().cuda()\nctx = torch.autocast(device_type="cuda", dtype=torch.bfloat16)\nwith torch.no_grad(), ctx:\n    y = model(torch.ones(1))\n`;
    const t = await targetOf(ctx);
    assert.equal(t.precision, "bf16");
    assert.equal(t.autocast, true);
    const disabled = ctx.replace("dtype=torch.bfloat16)", "dtype=torch.bfloat16, enabled=False)");
    assert.equal((await targetOf(disabled)).precision, "fp32", "autocast(enabled=False) runs fp32");
  });
});
