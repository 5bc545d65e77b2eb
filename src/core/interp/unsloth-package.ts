// unsloth's device query, which fine-tuning scripts set their trainer's precision by (`fp16 = not
// is_bfloat16_supported(), bf16 = is_bfloat16_supported()`, Unsloth's notebooks): unsloth/models/_utils.py sets
// SUPPORTS_BFLOAT16 from `torch.cuda.get_device_capability()[0] >= 8` and `is_bfloat16_supported()` returns it
// (unsloth 2025.x). Without unsloth in the workspace or the environment the function was unknown and both flags with
// it. Our own Python of that one function, over torch.cuda's answers from the analysis's target GPU; its loaders stay
// unknown (their dtype is read by src/core/training/unsloth-load.ts). An installed unsloth wins (a built-in package,
// the last root of module resolution).
/** The compute capability from which unsloth takes a GPU to support bfloat16 (unsloth/models/_utils.py). */
export const UNSLOTH_BF16_MAJOR = 8;

const UNSLOTH = `import torch


def is_bfloat16_supported():
    major_version, minor_version = torch.cuda.get_device_capability()
    return major_version >= ${UNSLOTH_BF16_MAJOR}
`;

/** Virtual files of the built-in unsloth package: path under site-packages → Python text. */
export const unslothPackage: [string, string][] = [["unsloth/__init__.py", UNSLOTH]];
