/**
 * Taking a conversation a colleague holds (specialists, ops and admins): an explicit, confirmed
 * step, because the colleague may be in the middle of a reply.
 */
import { useEffect, useRef, useState } from 'react';

export const TakeOver = (props: { holderName: string; onConfirm: () => Promise<boolean> }) => {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // Focus follows the question: onto the confirming button, and back to "Take over" on cancel.
  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (asked.current) start.current?.focus();
    asked.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={start} onClick={() => setAsking(true)}>
        Take over
      </button>
    );
  }
  const cancel = () => setAsking(false);
  return (
    <fieldset
      className="take-over-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          cancel();
        }
      }}
    >
      <legend>Take this conversation from {props.holderName}? It leaves their list.</legend>
      <button
        type="button"
        ref={confirm}
        className="primary"
        onClick={async () => {
          if (await props.onConfirm()) setAsking(false);
        }}
      >
        Take over from {props.holderName}
      </button>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </fieldset>
  );
};
