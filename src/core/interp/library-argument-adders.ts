// Functions of libraries the analyzer does not install that add a library's own flags to the script's argparse parser
// and return it: without them the parser, and every option the script reads from it, was unknown. Data with its
// source: DeepSpeed 0.14 deepspeed/__init__.py `add_config_arguments(parser)` (the `--deepspeed` and `--deepscale`
// flags and their config paths, all off or None in the plain run).
import { attributeChain } from "../python/syntax-walk";
import type { Expression } from "../python/ast";

/** One flag a library function adds: its option string, default, and whether it is a store_true switch. */
export interface AddedFlag {
  flag: string;
  switch: boolean;
}

const ADDERS: Record<string, AddedFlag[]> = {
  "deepspeed.add_config_arguments": [
    { flag: "--deepspeed", switch: true },
    { flag: "--deepspeed_config", switch: false },
    { flag: "--deepscale", switch: true },
    { flag: "--deepscale_config", switch: false },
  ],
};

/** The flags a call adds to the parser it is given and returns (`deepspeed.add_config_arguments(parser)`), by its dotted name. */
export function argumentAdder(func: Expression): AddedFlag[] | undefined {
  const chain = attributeChain(func);
  return Object.hasOwn(ADDERS, chain) ? ADDERS[chain] : undefined;
}
