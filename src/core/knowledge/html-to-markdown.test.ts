import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToMarkdown } from './html-to-markdown.ts';

describe('htmlToMarkdown', () => {
  it('keeps headings, lists, emphasis and web links', () => {
    const html =
      '<h3>Returns</h3><p>Send it back within <strong>30 days</strong>, see <a href="https://acme.test/returns">returns</a>.</p><ol><li>Pack it</li><li>Post it</li></ol>';
    expect(htmlToMarkdown(html)).toBe(
      '### Returns\n\nSend it back within **30 days**, see [returns](https://acme.test/returns).\n\n- Pack it\n- Post it',
    );
  });

  it('drops scripts, styles and frames with their contents, and keeps only the text of unsafe links', () => {
    const html =
      '<p>Hi<script>steal()</script><style>p{}</style><iframe src="https://x.test">x</iframe> <a href="javascript:alert(1)">there</a> <a href="data:text/html,x">now</a></p><img src=x onerror=alert(1)>';
    expect(htmlToMarkdown(html)).toBe('Hi there now');
  });

  it('decodes entities once, leaving unknown names and invalid code points harmless', () => {
    expect(decodeEntities('Tea &amp; cake &#39;n&#x2019; &bogus; &#xD800;')).toBe("Tea & cake 'n’ &bogus; ");
    expect(htmlToMarkdown('<p>&amp;lt;b&amp;gt;</p>')).toBe('&lt;b&gt;');
  });
});
