/**
 * Browser-side protection on every response: a Content-Security-Policy that only runs Baton's own
 * scripts, `nosniff`, no referrer (chat links carry a signed customer id), and framing rules. The
 * customer chat page is made to be embedded (widget.js puts it in an iframe on the company's
 * site), so it may be framed by the configured origins; the inbox, ops and planner pages may not
 * be framed at all, so no other site can overlay them to trick an agent into clicks.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export interface SecurityHeaderSettings {
  /** Origins that may frame the chat page: `*` (any site), or a list such as `https://shop.example`. */
  readonly widgetFrameAncestors: readonly string[];
  /** Served over https: browsers are told to keep to it (Strict-Transport-Security). */
  readonly https: boolean;
}

const isChatPage = (path: string): boolean => path === '/chat' || path.startsWith('/chat/');
/** widget.js is loaded by other sites' pages; the chat page is framed by them. */
const isEmbeddable = (path: string): boolean => isChatPage(path) || path === '/widget.js';

export const securityHeaders = (settings: SecurityHeaderSettings): MiddlewareHandler => {
  const policy = (frameAncestors: string[]) => ({
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // React and the charts set styles through the DOM; inline style attributes stay allowed.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors,
  });
  const common = {
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: true,
    strictTransportSecurity: settings.https ? 'max-age=15552000; includeSubDomains' : false,
  } as const;
  const embeddable = secureHeaders({
    ...common,
    contentSecurityPolicy: policy([...settings.widgetFrameAncestors]),
    xFrameOptions: false,
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: false,
  });
  const framed = secureHeaders({
    ...common,
    contentSecurityPolicy: policy(["'none'"]),
    xFrameOptions: 'DENY',
  });
  return (c, next) => (isEmbeddable(c.req.path) ? embeddable(c, next) : framed(c, next));
};
