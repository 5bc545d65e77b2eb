import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// NeRF-style training: options from ConfigArgParse, a batch of rays sliced from a cursor the loop advances.
const SCRIPT = (parserArgs: string) => `import torch


def config_parser():
    import configargparse
    parser = configargparse.ArgumentParser(${parserArgs})
    parser.add_argument("--config", is_config_file=True, help="config file path")
    parser.add_argument("--N_rand", type=int, default=32 * 32 * 4, help="batch size (number of random rays per gradient step)")
    parser.add("--N_iters", type=int, default=2000)
    return parser


def train():
    parser = config_parser()
    args = parser.parse_args()
    rays_rgb = torch.zeros(100000, 3, 3)
    model = torch.nn.Linear(3, 3)
    optimizer = torch.optim.Adam(model.parameters())
    N_rand = args.N_rand
    i_batch = 0
    for i in range(args.N_iters):
        batch = rays_rgb[i_batch:i_batch + N_rand]
        i_batch += N_rand
        if i_batch >= rays_rgb.shape[0]:
            i_batch = 0
        loss = model(batch).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    train()
`;

describe("ConfigArgParse and cursor-sliced batches", () => {
  it("reads configargparse defaults (is_config_file options given no file) and a batch sliced from a cursor advanced by it", async () => {
    const plan = (await analyze(SCRIPT(""))).training ?? {};
    assert.equal(plan.batch?.value, 4096);
    assert.match(plan.batch!.detail, /cursor it advances by N_rand/);
    assert.equal(plan.steps?.value, 2000);
  });

  it("reads default_config_files over the defaults, `key = value` lines converted as the command line's", async () => {
    const plan = (await analyze(SCRIPT("default_config_files=['configs/default.txt']"), { others: { "/project/configs/default.txt": "# the fern scene\nN_rand = 1024\nN_iters: 300\n" } })).training ?? {};
    assert.equal(plan.batch?.value, 1024);
    assert.equal(plan.steps?.value, 300);
  });

  it("a slice whose cursor moves by another amount is not the batch", async () => {
    const plan = (await analyze(SCRIPT("").replace("i_batch += N_rand", "i_batch += 7"))).training ?? {};
    assert.notEqual(plan.batch?.value, 4096);
  });
});
