/**
 * An article's Markdown as customers' help-centre readers would see it: rendered by marked and
 * sanitised by DOMPurify (an article may hold pasted HTML; nothing in it may run in the staff app).
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useEffect, useRef } from 'react';

export const MarkdownPreview = ({ markdown, label }: { markdown: string; label: string }) => {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const html = marked.parse(markdown, { async: false, gfm: true });
    // A fragment, not an HTML string: the sanitised nodes are inserted as they are.
    target.current?.replaceChildren(DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }));
  }, [markdown]);
  return <section className="markdown-preview" aria-label={label} ref={target} />;
};
