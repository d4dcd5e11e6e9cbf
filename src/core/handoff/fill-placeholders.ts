import { boundedMemo } from '../bounded-memo.ts';

/** `{name}` placeholders in handoff templates, filled from a map built from the packet. */
const placeholderPattern = /\{([a-zA-Z][a-zA-Z0-9_.]*)\}/g;

/** A template split once: its literal text between placeholders, and the placeholder names in order. */
interface ParsedTemplate {
  /** One more literal than names: literals[0], names[0], literals[1], …, literals[n]. */
  readonly literals: readonly string[];
  readonly names: readonly string[];
  /** The distinct names, in order of first use. */
  readonly distinct: readonly string[];
}

/**
 * Every handoff fills the same few templates (the workspace's, or the shipped ones), so each is
 * split once instead of scanned with the pattern on every handoff. Bounded: ops may edit templates.
 */
const splitTemplate = (template: string): ParsedTemplate => {
  const literals: string[] = [];
  const names: string[] = [];
  let from = 0;
  for (const match of template.matchAll(placeholderPattern)) {
    literals.push(template.slice(from, match.index));
    names.push(match[1] ?? '');
    from = match.index + match[0].length;
  }
  literals.push(template.slice(from));
  return { literals, names, distinct: [...new Set(names)] };
};
const parsedTemplates = boundedMemo<string, ParsedTemplate>(512);
const parseTemplate = (template: string): ParsedTemplate => parsedTemplates.get(template, splitTemplate);

/** The placeholder names a template uses, in order of first use. */
export const placeholdersIn = (template: string): readonly string[] => parseTemplate(template).distinct;

/** Replaces every known placeholder; unknown ones become empty and are reported. */
export const fillPlaceholders = (
  template: string,
  values: Readonly<Record<string, string>>,
): { readonly text: string; readonly unknown: readonly string[] } => {
  const { literals, names } = parseTemplate(template);
  const unknown: string[] = [];
  let text = literals[0] ?? '';
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i] ?? '';
    const value = values[name];
    if (value === undefined) unknown.push(name);
    else text += value;
    text += literals[i + 1] ?? '';
  }
  return { text, unknown };
};

/** Collapses the gaps left by empty placeholders: double spaces and blank paragraphs. */
export const tidyMessage = (text: string): string => {
  let tidy = '';
  for (const paragraph of text.split(/\n{2,}/)) {
    const trimmed = singleBlanks(paragraph).trim();
    if (trimmed.length === 0) continue;
    tidy = tidy.length === 0 ? trimmed : `${tidy}\n\n${trimmed}`;
  }
  return tidy;
};

/**
 * Each run of spaces and tabs as one space. Most paragraphs have no such run (any has two spaces
 * or a tab in it), and looking for those costs less than the replacement's scan.
 */
const singleBlanks = (paragraph: string): string =>
  paragraph.includes('  ') || paragraph.includes('\t') ? paragraph.replace(/[ \t]{2,}/g, ' ') : paragraph;
