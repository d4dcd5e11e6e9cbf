/**
 * The coaching settings on /settings: the reviewers' weekly review capacity (the week's review
 * sample is drawn to it) and the report cadence. Ops and admins change them with a note; qa read them.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import {
  type CoachingSettingsView,
  coachingSettingsViewSchema,
} from '../../../src/api/coaching-settings-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';

const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Could not reach Baton. Try again.';

export const CoachingSettingsSection = () => {
  const [view, setView] = useState<CoachingSettingsView | null>(null);
  const [capacity, setCapacity] = useState('');
  const [cadence, setCadence] = useState<CoachingSettingsView['reportCadence']>('weekly');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ kind: 'error' | 'saved'; text: string } | null>(null);
  const show = useCallback((raw: unknown) => {
    const parsed = coachingSettingsViewSchema.parse(raw);
    setView(parsed);
    setCapacity(String(parsed.reviewsPerWeek));
    setCadence(parsed.reportCadence);
  }, []);
  useEffect(() => {
    apiCall<unknown>('GET', '/api/coaching/settings')
      .then(show)
      .catch((e: unknown) => setStatus({ kind: 'error', text: messageOf(e) }));
  }, [show]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    try {
      const body = {
        reviewsPerWeek: Number(capacity),
        reportCadence: cadence,
        ...(note.trim() ? { note } : {}),
      };
      show(await apiCall<unknown>('PUT', '/api/coaching/settings', { body }));
      setNote('');
      setStatus({ kind: 'saved', text: 'Coaching settings saved.' });
    } catch (e) {
      setStatus({ kind: 'error', text: messageOf(e) });
    }
  };
  const readOnly = view !== null && !view.canEdit;
  return (
    <section aria-labelledby="coaching-settings-heading">
      <h2 id="coaching-settings-heading">Coaching</h2>
      {readOnly && <p>Only ops and admins change these; you can read them.</p>}
      {view && (
        <form className="settings-form" onSubmit={save} aria-label="Coaching settings">
          <label>
            Reviews per week
            <input
              type="number"
              min={1}
              step={1}
              value={capacity}
              disabled={readOnly}
              onChange={(e) => setCapacity(e.target.value)}
            />
          </label>
          <label>
            Report cadence
            <select
              value={cadence}
              disabled={readOnly}
              onChange={(e) => setCadence(e.target.value === 'fortnightly' ? 'fortnightly' : 'weekly')}
            >
              <option value="weekly">Every week</option>
              <option value="fortnightly">Every two weeks</option>
            </select>
          </label>
          {!readOnly && (
            <>
              <label>
                Why (optional)
                <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} />
              </label>
              <button type="submit">Save coaching settings</button>
            </>
          )}
        </form>
      )}
      {status && (
        <p
          className={status.kind === 'error' ? 'error' : 'saved'}
          role={status.kind === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
    </section>
  );
};
