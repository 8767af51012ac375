import { type UiIssue, useI18n } from '../lib/i18n';
import { Icon } from './Icon';

/**
 * The issues of one field (or one group of fields), errors first. Announced politely, so a screen
 * reader hears the message that appears while typing without being interrupted on every key.
 */
export function FieldIssues({
  id,
  issues,
  renderExtra,
}: {
  id: string;
  issues: readonly UiIssue[];
  /** Something to offer beside an issue (e.g. "Use 192.168.20.0/24"). */
  renderExtra?: (issue: UiIssue) => React.ReactNode;
}) {
  const { issueText } = useI18n();
  const sorted = [...issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <div id={id} className="field-issues" aria-live="polite">
      {sorted.map((issue) => (
        <p
          key={`${issue.code}|${issue.path}|${JSON.stringify(issue.params ?? {})}`}
          className={`field-issue field-issue--${issue.severity}`}
          data-code={issue.code}
        >
          <Icon name={issue.severity === 'error' ? 'error' : 'warning'} size={16} />
          <span>{issueText(issue)}</span>
          {renderExtra?.(issue)}
        </p>
      ))}
    </div>
  );
}

/** Why a whole action failed (not one field's issue): announced at once. Nothing when null. */
export function FormFailure({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="field-issue field-issue--error" role="alert">
      <Icon name="error" size={16} />
      <span>{message}</span>
    </p>
  );
}
