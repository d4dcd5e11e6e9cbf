/**
 * Help-centre article bodies (Zendesk Guide, Intercom) are HTML; Baton's articles are Markdown.
 * A small converter for the tags help centres write (headings, paragraphs, lists, links, bold,
 * italics, line breaks); every other tag is dropped with its text kept, and script/style/iframe
 * contents are dropped whole, so nothing executable survives into an article.
 */

const namedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  euro: '€',
  pound: '£',
  copy: '©',
};

const codePointText = (code: number): string =>
  Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    ? String.fromCodePoint(code)
    : '';

/** Decodes `&amp;`, `&#39;`, `&#x2019;`; an unknown name stays as written. */
export const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return codePointText(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return codePointText(Number.parseInt(name.slice(1), 10));
    return namedEntities[name.toLowerCase()] ?? whole;
  });

/** Only web and mail links become Markdown links; `javascript:` and the like keep their text only. */
const safeHref = (href: string): string | null => {
  const decoded = decodeEntities(href).trim();
  return /^(?:https?:|mailto:)/i.test(decoded) && !/[\s()]/.test(decoded) ? decoded : null;
};

const attribute = (attributes: string, name: string): string | null => {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
};

const replaceTags = (html: string): string =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|iframe|object|embed|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(script|style|iframe|object|embed|template|noscript)\b[^>]*>/gi, '')
    .replace(/<h([1-6])\b[^>]*>/gi, (_tag, level: string) => `\n\n${'#'.repeat(Number(level))} `)
    .replace(/<\/h[1-6]\s*>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/?(?:p|div|ul|ol|table|tr|blockquote|section|article|pre)\b[^>]*>/gi, '\n\n')
    .replace(/<\/(?:li|td|th)\s*>/gi, ' ')
    .replace(/<\/?(?:strong|b)\b[^>]*>/gi, '**')
    .replace(/<\/?(?:em|i)\b[^>]*>/gi, '_')
    .replace(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi, (_whole, attributes: string, text: string) => {
      const href = safeHref(attribute(attributes, 'href') ?? '');
      const label = text.replace(/<[^>]*>/g, '').trim();
      return href !== null && label !== '' ? `[${label}](${href})` : label;
    })
    .replace(/<[^>]*>/g, '')
    .replace(/</g, '');

/** Markdown for a help-centre article's HTML body; blank runs collapsed, trimmed. */
export const htmlToMarkdown = (html: string): string =>
  decodeEntities(replaceTags(html))
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
