/**
 * Token budgets without a tokenizer: BPE vocabularies of current models average ~4 characters of English per
 * token, and a word never costs less than one. The estimate errs high on short words, so a text cut to the
 * budget stays within it for the model.
 */
const TOKEN_PIECE = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

export function estimateTokens(text: string): number {
  let n = 0;
  for (const m of text.matchAll(TOKEN_PIECE)) n += Math.max(1, Math.ceil(m[0].length / 4));
  return n;
}

/** The longest prefix of `text` ending at a piece boundary whose estimate fits `budget`; `truncated` says if cut. */
export function truncateToTokens(text: string, budget: number): { text: string; truncated: boolean } {
  let n = 0;
  for (const m of text.matchAll(TOKEN_PIECE)) {
    n += Math.max(1, Math.ceil(m[0].length / 4));
    if (n > budget) return { text: text.slice(0, m.index).trimEnd(), truncated: true };
  }
  return { text, truncated: false };
}
