import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from 'react';
import type { UiIssue } from '../lib/i18n';
import { FieldIssues } from './FieldIssues';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'>;

export interface TextFieldProps extends InputProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  issues?: readonly UiIssue[];
  hint?: ReactNode;
  /** An IPv4 address: numeric-friendly touch keyboard, no autofill. */
  address?: boolean;
  renderIssueExtra?: (issue: UiIssue) => ReactNode;
  /** The input element itself (e.g. to move focus to it). */
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and its issues, wired for screen readers. */
export function TextField({
  label,
  value,
  onValueChange,
  issues = [],
  hint,
  address,
  renderIssueExtra,
  className,
  inputRef,
  ...rest
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const issuesId = `${id}-issues`;
  const invalid = issues.some((i) => i.severity === 'error');
  const describedBy = [hint ? hintId : null, issuesId].filter(Boolean).join(' ');
  return (
    <FieldFrame
      id={id}
      label={label}
      className={className}
      issues={issues}
      renderIssueExtra={renderIssueExtra}
      after={
        hint ? (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        ) : null
      }
    >
      <input
        id={id}
        ref={inputRef}
        className="input"
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        {...(address
          ? {
              inputMode: 'decimal' as const,
              autoComplete: 'off',
              autoCapitalize: 'off',
              spellCheck: false,
            }
          : {})}
        {...rest}
      />
    </FieldFrame>
  );
}

/**
 * A field's frame: its label (for the control `id`), the control, what follows it (a hint), and
 * its issues under `${id}-issues` — the id the control names in aria-describedby.
 */
export function FieldFrame({
  id,
  label,
  className,
  issues,
  renderIssueExtra,
  after,
  afterIssues,
  children,
}: {
  id: string;
  label: string;
  className?: string;
  issues?: readonly UiIssue[];
  renderIssueExtra?: (issue: UiIssue) => ReactNode;
  after?: ReactNode;
  afterIssues?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {after}
      {issues ? (
        <FieldIssues id={`${id}-issues`} issues={issues} renderExtra={renderIssueExtra} />
      ) : null}
      {afterIssues}
    </div>
  );
}
