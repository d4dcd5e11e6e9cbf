/** Flag an AI message as wrong, incomplete or off-tone, with an optional correct answer. */
import { type FormEvent, useState } from 'react';

type FlagKind = 'wrong' | 'incomplete' | 'off_tone';

export const AiMessageFlag = (props: {
  existing: string | null;
  onFlag: (kind: FlagKind, correctAnswer: string) => Promise<void>;
}) => {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<FlagKind>('wrong');
  const [correctAnswer, setCorrectAnswer] = useState('');

  if (props.existing) return <div className="flagged">Flagged: {props.existing.replace('_', '-')}</div>;
  if (!open) {
    return (
      <button type="button" className="link flag-button" onClick={() => setOpen(true)}>
        Flag this AI answer
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await props.onFlag(kind, correctAnswer);
    setOpen(false);
  };
  return (
    <form className="flag-form" onSubmit={submit}>
      <select aria-label="What is wrong" value={kind} onChange={(e) => setKind(e.target.value as FlagKind)}>
        <option value="wrong">Wrong</option>
        <option value="incomplete">Incomplete</option>
        <option value="off_tone">Off-tone</option>
      </select>
      <textarea
        aria-label="Correct answer (optional)"
        placeholder="The correct answer (optional)"
        value={correctAnswer}
        onChange={(e) => setCorrectAnswer(e.target.value)}
      />
      <button type="submit">Flag</button>
      <button type="button" className="link" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
};
