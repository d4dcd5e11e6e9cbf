/** The conversations behind a number, a page at a time, each linked to the inbox (keyed by the parent). */
import { useEffect, useRef, useState } from 'react';
import type { MetricConversationsResponse } from '../../../src/api/metrics-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import { type DrillRequest, drillQuery } from './drill-down.ts';

const PAGE = 50;

type Row = MetricConversationsResponse['conversations'][number];

const outcomeOf = (row: Row): string => {
  const resolution =
    row.resolution === null
      ? 'open'
      : row.resolution === 'ai'
        ? 'resolved by the AI'
        : row.resolution === 'human'
          ? 'resolved by a person'
          : row.resolution;
  return row.handedOver ? `handed over, ${resolution}` : resolution;
};

export const DrillDownPanel = ({
  filtersQuery,
  request,
  onClose,
}: {
  filtersQuery: string;
  request: DrillRequest;
  onClose: () => void;
}) => {
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The parent keys the panel by what it opens, so a new number starts afresh with the focus here.
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    let current = true;
    apiCall<MetricConversationsResponse>(
      'GET',
      `/api/metrics/conversations?${drillQuery(filtersQuery, request, offset, PAGE)}`,
    )
      .then((page) => {
        if (!current) return;
        setTotal(page.total);
        setRows((before) => (offset === 0 ? page.conversations : [...before, ...page.conversations]));
        setError(null);
      })
      .catch(
        (e: unknown) =>
          current && setError(e instanceof ApiError ? e.message : 'Could not load the conversations.'),
      );
    return () => {
      current = false;
    };
  }, [filtersQuery, request, offset]);

  return (
    <section className="drill-down" aria-labelledby="drill-down-title" data-testid="drill-down">
      <div className="drill-down-head">
        <h2 id="drill-down-title" ref={heading} tabIndex={-1}>
          {request.title}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {total !== null && (
        <p data-testid="drill-down-total" aria-live="polite">
          {total} {total === 1 ? 'conversation' : 'conversations'}
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="analytics-table">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">First message (UTC)</th>
                <th scope="col">Category</th>
                <th scope="col">Channel</th>
                <th scope="col">Outcome</th>
                <th scope="col">Rating</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-conversation-id={row.id}>
                  <td>
                    <a href={row.href}>{row.customerName ?? `Customer ${row.customerId.slice(0, 8)}`}</a>
                  </td>
                  <td>{row.firstMessageAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>{row.category ?? '—'}</td>
                  <td>{row.channel}</td>
                  <td>{outcomeOf(row)}</td>
                  <td>{row.csat === null ? '—' : `${row.csat}/5`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total !== null && rows.length < total && (
        <button type="button" onClick={() => setOffset(rows.length)}>
          Show {Math.min(PAGE, total - rows.length)} more
        </button>
      )}
    </section>
  );
};
