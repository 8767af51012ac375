import { type ReactNode, useId } from 'react';
import type { UiIssue } from '../lib/i18n';
import { FieldFrame } from './TextField';

/**
 * A labelled drop-down with its issues, wired for screen readers (TextField's sibling). The
 * options are the children; `T` narrows the values they carry.
 */
export function SelectField<T extends string = string>({
  label,
  value,
  onValueChange,
  issues,
  inline = false,
  inputClass = 'select',
  after,
  children,
}: {
  label: string;
  value: T;
  onValueChange: (value: T) => void;
  /** Shown under it and tied to it (aria-describedby, aria-invalid on an error). */
  issues?: readonly UiIssue[];
  /** In a toolbar: the label beside the control. */
  inline?: boolean;
  inputClass?: 'select' | 'input';
  /** A hint after the issues. */
  after?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <FieldFrame
      id={id}
      label={label}
      className={inline ? 'field--inline' : undefined}
      issues={issues}
      afterIssues={after}
    >
      <select
        id={id}
        className={inputClass}
        value={value}
        onChange={(e) => onValueChange(e.target.value as T)}
        aria-describedby={issues ? `${id}-issues` : undefined}
        aria-invalid={issues?.some((i) => i.severity === 'error') || undefined}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
