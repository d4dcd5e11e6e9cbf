/** Integration health: the last hour's account lookups per integration. */
import { useCallback, useEffect, useState } from 'react';
import type { IntegrationsHealthResponse } from '../../../src/api/ops-schemas.ts';
import { apiCall } from '../shared/api.ts';

const ms = (value: number | null): string => (value === null ? '—' : `${Math.round(value)} ms`);

export const IntegrationsSection = () => {
  const [health, setHealth] = useState<IntegrationsHealthResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setHealth(await apiCall<IntegrationsHealthResponse>('GET', '/api/ops/integrations'));
      setFailure(null);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Could not load integration health.');
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="ops-panel" aria-labelledby="ops-integrations-title">
      <div className="ops-heading">
        <h2 id="ops-integrations-title">Integrations</h2>
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      <p className="hint">Account lookups in the last {health?.windowMinutes ?? 60} minutes.</p>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {health && health.integrations.length === 0 && <p className="muted">No lookups in the last hour.</p>}
      {health && health.integrations.length > 0 && (
        <table className="ops-table" data-testid="integrations-table">
          <thead>
            <tr>
              <th>Integration</th>
              <th>Calls</th>
              <th>Failures</th>
              <th>Time-outs</th>
              <th>Error rate</th>
              <th>p50</th>
              <th>p95</th>
              <th>Last error</th>
            </tr>
          </thead>
          <tbody>
            {health.integrations.map((row) => (
              <tr key={row.name} data-testid="integration-row" className={row.errorRate > 0 ? 'ops-bad' : ''}>
                <td>{row.name}</td>
                <td>{row.calls}</td>
                <td>{row.failures}</td>
                <td>{row.timeouts}</td>
                <td>{(row.errorRate * 100).toFixed(1)}%</td>
                <td>{ms(row.latencyP50Ms)}</td>
                <td>{ms(row.latencyP95Ms)}</td>
                <td>{row.lastError ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
