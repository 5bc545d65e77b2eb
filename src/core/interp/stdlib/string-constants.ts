import { str } from "../construct";
import { namespace, type StandardLibrary } from "./native";

// Python's `string` module constants (docs.python.org/3/library/string.html#string-constants): character models size
// their vocabulary from them (`n_characters = len(string.printable)`, 100).
const LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
const UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const WHITESPACE = " \t\n\r\x0b\x0c";

/** string: the character-class constants (ascii_letters, digits, printable, ...). */
export function installStringConstants({ modules }: StandardLibrary): void {
  modules.set("string", namespace("string", {
    ascii_lowercase: str(LOWERCASE),
    ascii_uppercase: str(UPPERCASE),
    ascii_letters: str(LOWERCASE + UPPERCASE),
    digits: str(DIGITS),
    hexdigits: str(`${DIGITS}abcdefABCDEF`),
    octdigits: str("01234567"),
    punctuation: str(PUNCTUATION),
    whitespace: str(WHITESPACE),
    printable: str(DIGITS + LOWERCASE + UPPERCASE + PUNCTUATION + WHITESPACE),
  }));
}
