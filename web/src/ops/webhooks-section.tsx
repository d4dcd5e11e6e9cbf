/**
 * Outbound webhooks (issue 12): ops register receivers for the desk's events (the signing secret is
 * shown once), send a test event, disable or delete them, and read the recent deliveries with every
 * attempt — status, latency, error, next attempt — with "Retry now" for a waiting or failed one.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { WebhookDeliveryView, WebhookEndpointView } from '../../../src/api/webhook-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';

interface Listing {
  readonly endpoints: WebhookEndpointView[];
  readonly eventTypes: string[];
}

const eventLabels: Readonly<Record<string, string>> = {
  handed_over: 'Handoff created',
  resolved: 'Conversation resolved',
  message_added: 'Message created',
  rated: 'Rating given',
  ai_message_flagged: 'Flag raised',
  reopened: 'Conversation reopened',
  assigned: 'Conversation assigned',
  webhook_test: 'Test event',
};

const failureOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'That did not work. Try again.';

const time = (iso: string | null): string => (iso === null ? '—' : new Date(iso).toLocaleTimeString());

const lastAttempt = (delivery: WebhookDeliveryView) => delivery.log.at(-1);

const DeliveryRows = (props: {
  deliveries: readonly WebhookDeliveryView[];
  urlOf: (endpointId: string) => string;
  retry: (id: string) => void;
}) => (
  <table className="ops-table" data-testid="webhook-deliveries">
    <caption className="visually-hidden">Recent webhook deliveries</caption>
    <thead>
      <tr>
        <th>Queued</th>
        <th>Event</th>
        <th>Endpoint</th>
        <th>State</th>
        <th>Attempts</th>
        <th>Status</th>
        <th>Latency</th>
        <th>Error</th>
        <th>Next attempt</th>
        <th>
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
    <tbody>
      {props.deliveries.map((delivery) => {
        const last = lastAttempt(delivery);
        return (
          <tr
            key={delivery.id}
            data-testid="webhook-delivery"
            className={delivery.state === 'failed' ? 'ops-bad' : ''}
          >
            <td>{time(delivery.createdAt)}</td>
            <td>{eventLabels[delivery.eventType] ?? delivery.eventType}</td>
            <td>{props.urlOf(delivery.endpointId)}</td>
            <td data-testid="webhook-delivery-state">{delivery.state}</td>
            <td>{delivery.attempts}</td>
            <td>{delivery.lastStatus ?? '—'}</td>
            <td>{last ? `${last.latencyMs} ms` : '—'}</td>
            <td>{delivery.lastError ?? '—'}</td>
            <td>{time(delivery.nextAttemptAt)}</td>
            <td>
              {(delivery.state === 'failed' || delivery.state === 'queued') && (
                <button type="button" onClick={() => props.retry(delivery.id)}>
                  Retry now
                </button>
              )}
            </td>
          </tr>
        );
      })}
    </tbody>
  </table>
);

const NewEndpointForm = (props: { eventTypes: readonly string[]; created: (secret: string) => void }) => {
  const [url, setUrl] = useState('');
  const [chosen, setChosen] = useState<readonly string[]>(['handed_over', 'resolved']);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      const registered = await apiCall<{ secret: string }>('POST', '/api/ops/webhooks', {
        body: { url: url.trim(), eventTypes: chosen },
      });
      setUrl('');
      props.created(registered.secret);
    } catch (error) {
      setFailure(failureOf(error));
    }
  };
  const toggle = (type: string, on: boolean) =>
    setChosen((current) => (on ? [...current, type] : current.filter((t) => t !== type)));

  return (
    <form onSubmit={(event) => void submit(event)} className="webhook-form">
      <label>
        Receiver URL
        <input
          type="url"
          required
          value={url}
          placeholder="https://hooks.example.com/baton"
          onChange={(event) => setUrl(event.target.value)}
        />
      </label>
      <fieldset>
        <legend>Events to send</legend>
        {props.eventTypes.map((type) => (
          <label key={type} className="llm-mode">
            <input
              type="checkbox"
              checked={chosen.includes(type)}
              onChange={(event) => toggle(type, event.target.checked)}
            />{' '}
            {eventLabels[type] ?? type} <code>{type}</code>
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={chosen.length === 0}>
          Add endpoint
        </button>
      </div>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
};

export const WebhooksSection = () => {
  const [listing, setListing] = useState<Listing | null>(null);
  const [deliveries, setDeliveries] = useState<readonly WebhookDeliveryView[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [loaded, recent] = await Promise.all([
        apiCall<Listing>('GET', '/api/ops/webhooks'),
        apiCall<{ deliveries: WebhookDeliveryView[] }>('GET', '/api/ops/webhooks/deliveries?limit=20'),
      ]);
      setListing(loaded);
      setDeliveries(recent.deliveries);
    } catch (error) {
      setStatus(failureOf(error));
    }
  }, []);

  useEffect(() => {
    void load();
    // Deliveries move on their own (attempts, back-off): the log follows every few seconds.
    const timer = setInterval(() => void load(), 2000);
    return () => clearInterval(timer);
  }, [load]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setStatus(done);
    } catch (error) {
      setStatus(failureOf(error));
    }
    await load();
  };

  const urlOf = (endpointId: string) =>
    listing?.endpoints.find((e) => e.id === endpointId)?.url ?? '(deleted)';
  return (
    <section className="ops-panel" aria-labelledby="ops-webhooks-title" data-testid="webhooks">
      <div className="ops-heading">
        <h2 id="ops-webhooks-title">Webhooks</h2>
        <button type="button" onClick={() => void load()}>
          Reload deliveries
        </button>
      </div>
      <p className="hint">
        Baton posts the events you choose to your receiver, signed with HMAC-SHA256 (see docs/SECURITY.md),
        and retries failures with back-off.
      </p>
      {secret && (
        <div className="webhook-secret" data-testid="webhook-secret">
          <p>
            Signing secret — copy it now, it is not shown again: <code>{secret}</code>
          </p>
          <button type="button" onClick={() => setSecret(null)}>
            I have stored it
          </button>
        </div>
      )}
      {listing && listing.endpoints.length > 0 && (
        <table className="ops-table" data-testid="webhook-endpoints">
          <caption className="visually-hidden">Webhook endpoints</caption>
          <thead>
            <tr>
              <th>URL</th>
              <th>Events</th>
              <th>State</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listing.endpoints.map((endpoint) => (
              <tr key={endpoint.id} data-testid="webhook-endpoint">
                <td>{endpoint.url}</td>
                <td>{endpoint.eventTypes.map((type) => eventLabels[type] ?? type).join(', ')}</td>
                <td>{endpoint.enabled ? 'enabled' : 'disabled'}</td>
                <td className="actions">
                  <button
                    type="button"
                    onClick={() =>
                      void act(
                        () => apiCall('POST', `/api/ops/webhooks/${endpoint.id}/test`),
                        'Test event queued.',
                      )
                    }
                  >
                    Send test event
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void act(
                        () =>
                          apiCall('PATCH', `/api/ops/webhooks/${endpoint.id}`, {
                            body: { enabled: !endpoint.enabled },
                          }),
                        endpoint.enabled ? 'Endpoint disabled.' : 'Endpoint enabled.',
                      )
                    }
                  >
                    {endpoint.enabled ? 'Disable' : 'Enable'}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void act(
                        () => apiCall('DELETE', `/api/ops/webhooks/${endpoint.id}`),
                        'Endpoint deleted.',
                      )
                    }
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listing && (
        <NewEndpointForm
          eventTypes={listing.eventTypes}
          created={(s) => void act(async () => setSecret(s), 'Endpoint added.')}
        />
      )}
      <h3>Recent deliveries</h3>
      {deliveries.length === 0 ? (
        <p className="muted">No deliveries yet.</p>
      ) : (
        <DeliveryRows
          deliveries={deliveries}
          urlOf={urlOf}
          retry={(id) =>
            void act(
              () => apiCall('POST', `/api/ops/webhooks/deliveries/${id}/retry`),
              'Delivery retried now.',
            )
          }
        />
      )}
      <p role="status" className={status ? 'hint' : 'visually-hidden'} data-testid="webhooks-status">
        {status ?? ''}
      </p>
    </section>
  );
};
