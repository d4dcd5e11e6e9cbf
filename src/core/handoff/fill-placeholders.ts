/** `{name}` placeholders in handoff templates, filled from a map built from the packet. */
const placeholderPattern = /\{([a-zA-Z][a-zA-Z0-9_.]*)\}/g;

/** The placeholder names a template uses, in order of first use. */
export const placeholdersIn = (template: string): readonly string[] => [
  ...new Set([...template.matchAll(placeholderPattern)].map((match) => match[1] ?? '')),
];

/** Replaces every known placeholder; unknown ones become empty and are reported. */
export const fillPlaceholders = (
  template: string,
  values: Readonly<Record<string, string>>,
): { readonly text: string; readonly unknown: readonly string[] } => {
  const unknown: string[] = [];
  const text = template.replace(placeholderPattern, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.push(name);
      return '';
    }
    return value;
  });
  return { text, unknown };
};

/** Collapses the gaps left by empty placeholders: double spaces and blank paragraphs. */
export const tidyMessage = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/[ \t]{2,}/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
