/** A number input that lets people type freely; what cannot be read as a number is sent as-is for the server to name. */
import { useEffect, useId, useState } from 'react';

const show = (value: number | undefined, scale: number, decimals: number): string =>
  value === undefined || Number.isNaN(value) ? '' : String(Number((value * scale).toFixed(decimals)));

const read = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export interface NumberFieldProps {
  /** Accessible name; also what validation messages call this field. */
  readonly label: string;
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined) => void;
  /** Shown value = value × scale (100 for a share shown in percent). */
  readonly scale?: number;
  readonly suffix?: string;
  /** Decimals shown (0 for counts such as conversations per week). */
  readonly decimals?: number;
  /** Empty means "not set" (undefined) rather than an invalid number. */
  readonly optional?: boolean;
  readonly invalid?: boolean;
  readonly visibleLabel?: boolean;
  /** Shorter text to show when the context (a heading) already says the rest of `label`. */
  readonly shortLabel?: string;
  readonly className?: string;
}

export const NumberField = ({
  label,
  value,
  onChange,
  scale = 1,
  suffix,
  decimals = 6,
  optional = false,
  invalid = false,
  visibleLabel = false,
  shortLabel,
  className,
}: NumberFieldProps) => {
  const [text, setText] = useState(show(value, scale, decimals));
  const id = useId();

  useEffect(() => {
    // Follow changes from outside (a scenario picked), not the echo of what is being typed.
    setText((current) => {
      const typed = read(current);
      const same = value === undefined ? current.trim() === '' : Object.is(typed / scale, value);
      return same || (Number.isNaN(typed) && Number.isNaN(value ?? 0))
        ? current
        : show(value, scale, decimals);
    });
  }, [value, scale, decimals]);

  const input = (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      aria-label={visibleLabel && shortLabel === undefined ? undefined : label}
      aria-invalid={invalid || undefined}
      className={`num${invalid ? ' invalid' : ''}`}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (optional && e.target.value.trim() === '') onChange(undefined);
        else onChange(read(e.target.value) / scale);
      }}
    />
  );
  const field = suffix ? (
    <span className="with-suffix">
      {input}
      <span className="suffix">{suffix}</span>
    </span>
  ) : (
    input
  );
  if (!visibleLabel) return <span className={className}>{field}</span>;
  return (
    <label className={`field ${className ?? ''}`} htmlFor={id}>
      <span className="field-label">{shortLabel ?? label}</span>
      {field}
    </label>
  );
};
