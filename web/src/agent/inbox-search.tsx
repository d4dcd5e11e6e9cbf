/**
 * The inbox search: words (customer, message text or a conversation id) and filters by status,
 * priority, assignee, category, tag and start date. `/` puts the cursor in the box; Escape leaves it.
 */
import { forwardRef, useEffect, useState } from 'react';
import { apiCall } from '../shared/api.ts';
import { TagFilter } from './tag-filter.tsx';

export interface SearchCriteria {
  readonly q: string;
  readonly status: string;
  readonly priority: string;
  readonly assignee: string;
  readonly category: string;
  /** `YYYY-MM-DD` from the date fields, read in the agent's own time zone. */
  readonly from: string;
  readonly to: string;
  /** `snoozed` or `waiting_on_customer`: the held conversations the active views leave out. */
  readonly hold: string;
  /** A tag's name: only conversations carrying it. */
  readonly tag: string;
}

export const noCriteria: SearchCriteria = {
  q: '',
  status: '',
  priority: '',
  assignee: '',
  category: '',
  from: '',
  to: '',
  hold: '',
  tag: '',
};

export const isSearching = (c: SearchCriteria): boolean => Object.values(c).some((v) => v.trim() !== '');

const localMidnight = (day: string, plusDays = 0): string => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plusDays).toISOString();
};

/** The query string the list endpoint takes; the end date counts in full. */
export const searchParams = (c: SearchCriteria): Record<string, string> => {
  const params: Record<string, string> = {};
  if (c.q.trim()) params.q = c.q.trim();
  for (const key of ['status', 'priority', 'assignee', 'category', 'hold', 'tag'] as const) {
    if (c[key]) params[key] = c[key];
  }
  if (c.from) params.from = localMidnight(c.from);
  if (c.to) params.to = localMidnight(c.to, 1);
  return params;
};

const statuses: ReadonlyArray<readonly [string, string]> = [
  ['ai', 'With the AI'],
  ['queued', 'Waiting'],
  ['assigned', 'Assigned'],
  ['resolved', 'Resolved'],
];

const Select = (props: {
  id: string;
  label: string;
  value: string;
  any: string;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string) => void;
}) => (
  <div className="filter">
    <label htmlFor={props.id}>{props.label}</label>
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">{props.any}</option>
      {props.options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  </div>
);

export const InboxSearch = forwardRef<
  HTMLInputElement,
  { criteria: SearchCriteria; onChange: (c: SearchCriteria) => void }
>(function InboxSearch({ criteria, onChange }, ref) {
  const [text, setText] = useState(criteria.q);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [agents, setAgents] = useState<ReadonlyArray<readonly [string, string]>>([]);
  const [categories, setCategories] = useState<ReadonlyArray<readonly [string, string]>>([]);
  const set = (patch: Partial<SearchCriteria>) => onChange({ ...criteria, ...patch });

  // A search cleared from outside (another view chosen) empties the box too.
  useEffect(() => setText(criteria.q), [criteria.q]);

  // The list follows the words a moment after typing stops, not on every key.
  useEffect(() => {
    if (text === criteria.q) return;
    const timer = setTimeout(() => onChange({ ...criteria, q: text }), 250);
    return () => clearTimeout(timer);
  }, [text, criteria, onChange]);

  useEffect(() => {
    if (!filtersOpen || agents.length > 0) return;
    void apiCall<{ agents: { id: string; name: string }[] }>('GET', '/api/inbox/agents').then((r) =>
      setAgents(r.agents.map((a) => [a.id, a.name] as const)),
    );
    void apiCall<{ categories: string[] }>('GET', '/api/inbox/categories').then((r) =>
      setCategories(r.categories.map((c) => [c, c] as const)),
    );
  }, [filtersOpen, agents.length]);

  const active = isSearching(criteria);
  return (
    <search className="inbox-search" aria-label="Search conversations">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ ...criteria, q: text });
        }}
      >
        <label htmlFor="inbox-search-text" className="visually-hidden">
          Search conversations
        </label>
        <input
          ref={ref}
          id="inbox-search-text"
          type="search"
          value={text}
          placeholder="Search: name, e-mail, words, id  (/)"
          aria-keyshortcuts="/"
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            // Escape leaves the box, so the letter shortcuts work again; the search stays.
            e.preventDefault();
            e.currentTarget.blur();
          }}
        />
        <button
          type="button"
          className="secondary"
          aria-expanded={filtersOpen}
          aria-controls="inbox-filters"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          Filters
        </button>
        {active && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setText('');
              onChange(noCriteria);
            }}
          >
            Clear
          </button>
        )}
      </form>
      <fieldset id="inbox-filters" className="inbox-filters" hidden={!filtersOpen}>
        <legend className="visually-hidden">Filters</legend>
        <Select
          id="filter-status"
          label="Status"
          any="Any status"
          value={criteria.status}
          options={statuses}
          onChange={(status) => set({ status })}
        />
        <Select
          id="filter-priority"
          label="Priority"
          any="Any priority"
          value={criteria.priority}
          options={[4, 3, 2, 1, 0].map((p) => [String(p), `P${p}`] as const)}
          onChange={(priority) => set({ priority })}
        />
        <Select
          id="filter-assignee"
          label="Assignee"
          any="Anyone"
          value={criteria.assignee}
          options={[['me', 'Me'], ['none', 'Nobody yet'], ...agents]}
          onChange={(assignee) => set({ assignee })}
        />
        <Select
          id="filter-category"
          label="Category"
          any="Any category"
          value={criteria.category}
          options={categories}
          onChange={(category) => set({ category })}
        />
        <Select
          id="filter-hold"
          label="On hold"
          any="Any"
          value={criteria.hold}
          options={[
            ['snoozed', 'Snoozed'],
            ['waiting_on_customer', 'Waiting on customer'],
          ]}
          onChange={(hold) => set({ hold })}
        />
        <TagFilter shown={filtersOpen} value={criteria.tag} onChange={(tag) => set({ tag })} />
        <div className="filter">
          <label htmlFor="filter-from">Started on or after</label>
          <input
            id="filter-from"
            type="date"
            value={criteria.from}
            onChange={(e) => set({ from: e.target.value })}
          />
        </div>
        <div className="filter">
          <label htmlFor="filter-to">Started on or before</label>
          <input
            id="filter-to"
            type="date"
            value={criteria.to}
            onChange={(e) => set({ to: e.target.value })}
          />
        </div>
      </fieldset>
    </search>
  );
});
