/** What every route handler can reach: the application context and server settings. */
import type { Mailer } from '../adapters/mail/smtp-mailer.ts';
import type { AppContext } from '../app/context.ts';
import type { LookupShape } from '../core/canned-replies/placeholders.ts';
import type { Agent } from '../core/model.ts';
import type { SessionSockets } from './live/session-sockets.ts';
import type { RateLimits } from './security/rate-limits.ts';

export interface ServerSettings {
  readonly secret: string;
  /** Verifies customer identities signed by the company's backend (HMAC-SHA256 of the customer id). */
  readonly identitySecret: string;
  readonly sessionTtlHours: number;
  readonly customerTokenTtlDays: number;
  /** Cookies are marked Secure when Baton is served over https. */
  readonly secureCookies: boolean;
  /** The model BATON_LLM_* configure, for the LLM settings API; null when none. */
  readonly environmentLlm?: { readonly baseUrl: string; readonly model: string } | null;
  /** Reverse proxies in front of Baton whose X-Forwarded-For is trusted (0: use the socket's address). */
  readonly trustedProxyHops?: number;
  /** Who may embed the chat page in a frame (CSP frame-ancestors); `*` by default. */
  readonly widgetFrameAncestors?: readonly string[];
  /**
   * Origins (besides Baton's own) whose pages may open the live WebSocket; a browser always sends
   * Origin on a WebSocket, so this stops another site's page using a signed-in agent's cookie.
   */
  readonly liveAllowedOrigins?: readonly string[];
  /** BATON_WEBHOOK_ALLOW_PRIVATE: webhook receivers may be on loopback or private networks. */
  readonly webhookAllowPrivate?: boolean;
  /** The configured account lookups' names and field labels: the lookup placeholders canned replies may use. */
  readonly lookupShapes?: readonly LookupShape[];
}

export interface ServerDeps {
  readonly app: AppContext;
  /** Mails invitation and reset links when SMTP is configured; absent: the admin passes them on. */
  readonly mailer?: Mailer | undefined;
  readonly settings: ServerSettings;
  readonly rateLimits: RateLimits;
  /** Staff sockets by session in this process, so sign-out closes them at once. */
  readonly sessionSockets?: SessionSockets;
  /** This process's webhook sender: woken when a test event or a retry is queued. */
  readonly webhookWorker?: { wake(): void };
}

export interface ServerEnv {
  Variables: { agent: Agent };
}
