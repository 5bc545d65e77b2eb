/**
 * Escapes text for a MarkdownString without `appendText`'s `&nbsp;` for every space, which reaches screen readers
 * and anyone reading the hover's raw text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
