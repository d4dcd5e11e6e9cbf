/**
 * Markdown as a reader sees it: rendered by marked (GitHub tables and all) and sanitised by
 * DOMPurify (an article may hold pasted HTML; nothing in it may run in the staff app). A page that
 * has its own title moves the text's headings down a level or more, so headings stay in order.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { useEffect, useMemo, useRef } from 'react';
import './rendered-markdown.css';

const rendererFor = (headingOffset: number) =>
  new Marked({
    async: false,
    gfm: true,
    walkTokens: (token) => {
      if (token.type === 'heading') token.depth = Math.min(6, token.depth + headingOffset);
    },
  });

export const RenderedMarkdown = ({
  markdown,
  label,
  className,
  headingOffset = 0,
  testId,
}: {
  readonly markdown: string;
  readonly label: string;
  readonly className: string;
  /** Levels to move headings down: 2 makes "#" an h3 under the page's h2. */
  readonly headingOffset?: number;
  readonly testId?: string;
}) => {
  const target = useRef<HTMLElement>(null);
  const marked = useMemo(() => rendererFor(headingOffset), [headingOffset]);
  useEffect(() => {
    const html = marked.parse(markdown, { async: false });
    // A fragment, not an HTML string: the sanitised nodes are inserted as they are.
    target.current?.replaceChildren(DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }));
  }, [markdown, marked]);
  return (
    <section
      className={`rendered-markdown ${className}`}
      aria-label={label}
      data-testid={testId}
      ref={target}
    />
  );
};
