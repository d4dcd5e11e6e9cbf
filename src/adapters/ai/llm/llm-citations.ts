/** Citation markers in a model's text (`[1]`, `[1][2]`, `[1, 2]`): which sources it used, and the text without them. */

const marker = /\s*\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/** The source numbers cited, in order of first use, and the text with the markers removed. */
export const readCitations = (text: string): { readonly text: string; readonly cited: readonly number[] } => {
  const cited: number[] = [];
  for (const match of text.matchAll(marker)) {
    for (const n of (match[1] ?? '').split(',')) {
      const value = Number(n.trim());
      if (!cited.includes(value)) cited.push(value);
    }
  }
  const clean = text
    .replace(marker, '')
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  return { text: clean, cited };
};

/** The model's way of declining, by the prompt's rule 3. */
export const declined = (text: string): string | null => {
  const match = /^\s*NO_ANSWER\s*:?\s*([\s\S]*)$/i.exec(text);
  return match ? match[1]?.trim() || 'the model found nothing to answer from' : null;
};
