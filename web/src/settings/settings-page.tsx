/**
 * The settings page (/settings, admins): the chat's greeting, colour and corner, the counting windows
 * and costs, the public URL, the history of every change, and the API keys.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { SavedSettings, SettingsView } from '../../../src/api/settings-schemas.ts';
import { SignIn } from '../agent/sign-in.tsx';
import { ApiError, apiCall } from '../shared/api.ts';
import { useSignedInAgent } from '../shared/use-signed-in-agent.ts';
import { ApiKeysSection } from './api-keys-section.tsx';
import { CoachingSettingsSection } from './coaching-settings-section.tsx';
import './settings.css';

type Widget = SettingsView['widget'];
type Counting = SettingsView['counting'];

const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Could not reach Baton. Try again.';

/** An empty cost field means "not set". */
const costOf = (text: string): number | null => (text.trim() === '' ? null : Number(text));

const NumberField = (props: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
  step?: string;
}) => (
  <label>
    {props.label}
    <input
      type="number"
      min={0}
      step={props.step ?? 'any'}
      value={props.value ?? ''}
      onChange={(e) => props.onChange(costOf(e.target.value))}
    />
  </label>
);

const History = ({ history }: { history: SettingsView['history'] }) => (
  <section aria-labelledby="history-heading">
    <h2 id="history-heading">History</h2>
    {history.length === 0 ? <p>No changes yet: Baton uses its defaults.</p> : null}
    <ol className="settings-history">
      {history.map((change) => (
        <li key={`${change.setting}-${change.version}`}>
          <strong>
            {change.setting === 'widget' ? 'Chat' : 'Counting'} v{change.version}
          </strong>{' '}
          by {change.author}, {new Date(change.at).toLocaleString()}
          {change.note ? ` — ${change.note}` : ''}
          <code>{JSON.stringify(change.value)}</code>
        </li>
      ))}
    </ol>
  </section>
);

/** "Saved.", and when a new window reaches past conversations, how many are being counted again. */
const savedText = (recounted: number): string =>
  recounted === 0
    ? 'Saved.'
    : `Saved. ${recounted} past conversation${recounted === 1 ? ' is' : 's are'} being counted again with the new window.`;

const SettingsForm = ({ view, onSaved }: { view: SettingsView; onSaved: (view: SettingsView) => void }) => {
  const [widget, setWidget] = useState<Widget>(view.widget);
  const [counting, setCounting] = useState<Counting>(view.counting);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ kind: 'error' | 'saved'; text: string } | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    try {
      const body = { widget, counting, ...(note.trim() ? { note } : {}) };
      const saved = await apiCall<SavedSettings>('PUT', '/api/settings', { body });
      onSaved(saved);
      setNote('');
      setStatus({ kind: 'saved', text: savedText(saved.recounted) });
    } catch (e) {
      setStatus({ kind: 'error', text: messageOf(e) });
    }
  };
  return (
    <form className="settings-form" onSubmit={save} aria-label="Workspace settings">
      <fieldset>
        <legend>Chat</legend>
        <label>
          Greeting
          <input
            value={widget.greeting}
            onChange={(e) => setWidget({ ...widget, greeting: e.target.value })}
            required
          />
        </label>
        <label>
          Colour
          <input
            type="color"
            value={widget.colour}
            onChange={(e) => setWidget({ ...widget, colour: e.target.value })}
          />
        </label>
        <label>
          Position
          <select
            value={widget.position}
            onChange={(e) => setWidget({ ...widget, position: e.target.value === 'left' ? 'left' : 'right' })}
          >
            <option value="right">Bottom right</option>
            <option value="left">Bottom left</option>
          </select>
        </label>
        <label>
          Launcher text
          <input
            value={widget.launcherText ?? ''}
            maxLength={40}
            placeholder="Chat with us"
            onChange={(e) => setWidget({ ...widget, launcherText: e.target.value })}
            required
          />
        </label>
        <label>
          Public URL
          <input
            type="url"
            placeholder="https://support.example.com"
            value={widget.publicUrl ?? ''}
            onChange={(e) =>
              setWidget({ ...widget, publicUrl: e.target.value.trim() === '' ? null : e.target.value })
            }
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Counting</legend>
        <p className="hint">
          A new recontact window applies to past conversations too: in a large workspace the metrics catch up
          over a few minutes.
        </p>
        <NumberField
          label="Assumed resolution after (hours)"
          value={counting.assumedResolutionHours}
          onChange={(v) => setCounting({ ...counting, assumedResolutionHours: v ?? 0 })}
        />
        <NumberField
          label="Recontact window (days)"
          value={counting.recontactDays}
          onChange={(v) => setCounting({ ...counting, recontactDays: v ?? 0 })}
        />
        <NumberField
          label="Cost per AI conversation"
          value={counting.aiCostPerConversation}
          onChange={(v) => setCounting({ ...counting, aiCostPerConversation: v })}
        />
        <NumberField
          label="Cost per agent hour"
          value={counting.humanHourlyCost}
          onChange={(v) => setCounting({ ...counting, humanHourlyCost: v })}
        />
      </fieldset>
      <label>
        Why (optional)
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} />
      </label>
      {status && (
        <p
          className={status.kind === 'error' ? 'error' : 'saved'}
          role={status.kind === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
      <button type="submit">Save settings</button>
    </form>
  );
};

const SettingsAdmin = () => {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    apiCall<SettingsView>('GET', '/api/settings')
      .then(setView)
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!view) return <p className="loading">Loading…</p>;
  return (
    <>
      <SettingsForm view={view} onSaved={setView} />
      <History history={view.history} />
      <ApiKeysSection />
    </>
  );
};

export const SettingsPage = () => {
  const [agent, setAgent] = useSignedInAgent();
  if (agent === undefined) return <p className="loading">Loading…</p>;
  if (!agent) return <SignIn title="Sign in to change the settings" onSignedIn={setAgent} />;
  return (
    <main className="settings-page">
      <h1>Settings</h1>
      <p>
        <a href="/agent">Back to the inbox</a> · <a href="/people">People</a> · <a href="/teams">Teams</a> ·{' '}
        <a href="/ops#ops-webhooks-title">Webhooks and their delivery log</a> (in the ops console)
      </p>
      {agent.role === 'admin' ? <SettingsAdmin /> : <p>Only an admin can change the workspace settings.</p>}
      {['qa', 'ops', 'admin'].includes(agent.role) && <CoachingSettingsSection />}
    </main>
  );
};
