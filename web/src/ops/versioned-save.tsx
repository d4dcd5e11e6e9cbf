/**
 * Saving a new version of an ops document (policy, handoff wording): a required "why", the save
 * button, and what came of it — the server's listed problems (a 422 with details), the new version,
 * or a failure.
 */
import { useCallback, useState } from 'react';
import { ApiError } from '../shared/api.ts';
import { ProblemList, type ShownProblem } from './problem-list.tsx';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'problems'; problems: readonly ShownProblem[] }
  | { kind: 'saved'; version: number }
  | { kind: 'failed'; message: string };

export interface VersionedSaveOptions {
  /** Publishes with the note; resolves to the new version number. */
  readonly publish: (note: string) => Promise<number>;
  /** Problems found before asking the server (e.g. text that does not parse), or none. */
  readonly checkFirst?: () => readonly ShownProblem[];
  /** Turns the server's 422 `details` into shown problems. */
  readonly problemsFrom: (details: unknown) => readonly ShownProblem[];
  /** What the note should say, shown when it is left empty. */
  readonly whyPrompt: string;
}

export const useVersionedSave = (options: VersionedSaveOptions) => {
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  // Stable, so pages can report a failed load from an effect without re-running it.
  const fail = useCallback((message: string) => setOutcome({ kind: 'failed', message }), []);

  const save = async () => {
    const early = options.checkFirst?.() ?? [];
    const problems = note.trim() === '' ? [...early, { where: 'why', what: options.whyPrompt }] : early;
    if (problems.length > 0) {
      setOutcome({ kind: 'problems', problems });
      return;
    }
    setBusy(true);
    try {
      const version = await options.publish(note);
      setNote('');
      setOutcome({ kind: 'saved', version });
    } catch (error) {
      const listed =
        error instanceof ApiError && error.status === 422 ? options.problemsFrom(error.details) : [];
      setOutcome(
        listed.length > 0
          ? { kind: 'problems', problems: listed }
          : {
              kind: 'failed',
              message: error instanceof Error ? error.message : 'Could not save. Try again.',
            },
      );
    } finally {
      setBusy(false);
    }
  };

  return { note, setNote, outcome, busy, save, fail };
};

export const VersionedSaveBar = (props: {
  readonly state: ReturnType<typeof useVersionedSave>;
  readonly canChange: boolean;
  readonly noteLabel: string;
  readonly buttonLabel: string;
  readonly savedText: (version: number) => string;
  /** Prefix of the test ids: `<prefix>-problems`, `<prefix>-saved`. */
  readonly testId: string;
}) => {
  const { state } = props;
  return (
    <>
      {props.canChange && (
        <div className="ops-save">
          <label className="ops-field">
            <span>{props.noteLabel}</span>
            <input value={state.note} maxLength={1000} onChange={(e) => state.setNote(e.target.value)} />
          </label>
          <button type="button" className="primary" disabled={state.busy} onClick={() => void state.save()}>
            {state.busy ? 'Saving…' : props.buttonLabel}
          </button>
        </div>
      )}
      {state.outcome.kind === 'problems' && (
        <ProblemList
          title="Not saved. Fix these first:"
          problems={state.outcome.problems}
          testId={`${props.testId}-problems`}
        />
      )}
      {state.outcome.kind === 'saved' && (
        <p className="ops-ok" role="status" data-testid={`${props.testId}-saved`}>
          {props.savedText(state.outcome.version)}
        </p>
      )}
      {state.outcome.kind === 'failed' && (
        <p className="error" role="alert">
          {state.outcome.message}
        </p>
      )}
    </>
  );
};
