import {
  issue,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_REQUIRED_CLASSES,
  passwordClasses,
  validatePassword,
} from '@edgenet/network-config';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { FieldIssues, FormFailure } from '../../components/FieldIssues';
import { Icon } from '../../components/Icon';
import { problemText } from '../../components/StateViews';
import { isApiError } from '../../lib/api';
import { issuesAt, mergeIssues, useServerIssues } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { AuthPage } from './AuthPage';
import { PasswordInput } from './shared';

const CLASSES = ['upper', 'lower', 'digit', 'special'] as const;

/**
 * The password change form (doc: 8–16 characters, three of upper, lower, digit, special). The
 * checklist is live and every verdict in it is the core's: `validatePassword` for the issues,
 * `passwordClasses` for which kinds of character are present. It asks for the current password
 * unless the session already proved it (the forced change right after signing in with it).
 */
export function PasswordChangeForm({
  knownPassword,
  onChanged,
  secondary,
}: {
  knownPassword: string | null;
  onChanged?: () => void;
  /** The button beside "Change password" (sign out, or cancel). */
  secondary: ReactNode;
}) {
  const { t, locale } = useI18n();
  const session = useSession();
  const known = knownPassword;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const server = useServerIssues();
  const rulesId = useId();
  const issuesId = useId();
  const confirmId = useId();

  const currentPassword = known ?? current;
  const inline = validatePassword(next, currentPassword || undefined);
  const issues = mergeIssues(inline, server.issues);
  const currentIssuesId = useId();
  // Without it nothing can be sent: say so on the field once the admin tried (after a reload the
  // session no longer knows the password it signed in with, so the field is back).
  const currentIssues = [
    ...(submitted && !known && !current ? [issue('currentPassword', 'field.required')] : []),
    ...issuesAt(server.issues, 'currentPassword'),
  ];
  const classes = passwordClasses(next);
  const used = CLASSES.filter((c) => classes[c]).length;
  const lengthOk = next.length > 0 && !inline.some((i) => i.code === 'password.length');
  const classesOk = !inline.some((i) => i.code === 'password.classes');
  const mismatch = confirm.length > 0 && confirm !== next;
  // Show the issues once the admin has typed, or tried to submit.
  const showIssues = submitted || next.length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (inline.some((i) => i.severity === 'error') || confirm !== next || !currentPassword) return;
    setBusy(true);
    try {
      await session.changePassword(currentPassword, next);
      onChanged?.();
    } catch (error) {
      server.takeFrom(error);
      if (!isApiError(error) || error.issues.length === 0) setFailure(problemText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  /** A password field's change: what was typed, and the server's verdict on it is gone. */
  const typed = (path: string, setter: (value: string) => void) => (value: string) => {
    setter(value);
    server.clearFor(path);
  };

  return (
    <form onSubmit={submit} noValidate>
      {known ? null : (
        <PasswordInput
          label={t('password.current')}
          value={current}
          onValueChange={typed('currentPassword', setCurrent)}
          autoComplete="current-password"
          describedBy={currentIssuesId}
          invalid={currentIssues.length > 0}
        />
      )}
      {known ? null : <FieldIssues id={currentIssuesId} issues={currentIssues} />}
      <PasswordInput
        label={t('password.new')}
        value={next}
        onValueChange={typed('newPassword', setNext)}
        autoComplete="new-password"
        describedBy={`${rulesId} ${issuesId}`}
        invalid={showIssues && issues.some((i) => i.severity === 'error')}
        autoFocus
      />
      <ul id={rulesId} className="checklist" aria-label={t('password.rules')}>
        <li className={lengthOk ? 'met' : undefined}>
          <Icon name={lengthOk ? 'check' : 'pending'} size={16} />
          <span>
            {t('password.ruleLength', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
            <span className="visually-hidden">
              {' '}
              — {t(lengthOk ? 'password.met' : 'password.notMet')}
            </span>
          </span>
        </li>
        <li className={classesOk && next ? 'met' : undefined}>
          <Icon name={classesOk && next ? 'check' : 'pending'} size={16} />
          <span>
            {t('password.ruleClasses', { required: PASSWORD_REQUIRED_CLASSES, used })}
            <span className="visually-hidden">
              {' '}
              — {t(classesOk && next ? 'password.met' : 'password.notMet')}
            </span>
          </span>
          <ul className="checklist checklist--inner">
            {CLASSES.map((c) => (
              <li key={c} className={classes[c] ? 'met' : undefined}>
                <Icon name={classes[c] ? 'check' : 'pending'} size={14} />
                <span>
                  {t(`password.class.${c}`)}
                  <span className="visually-hidden">
                    {' '}
                    — {t(classes[c] ? 'password.present' : 'password.absent')}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </li>
      </ul>
      <FieldIssues id={issuesId} issues={showIssues ? issuesAt(issues, 'newPassword') : []} />
      <PasswordInput
        label={t('password.confirm')}
        value={confirm}
        onValueChange={setConfirm}
        autoComplete="new-password"
        describedBy={confirmId}
        invalid={mismatch || (submitted && confirm !== next)}
      />
      <div id={confirmId} className="field-issues" aria-live="polite">
        {mismatch || (submitted && confirm !== next) ? (
          <p className="field-issue field-issue--error">
            <Icon name="error" size={16} />
            <span>{t('password.mismatch')}</span>
          </p>
        ) : null}
      </div>
      <FieldIssues
        id={`${issuesId}-other`}
        issues={issues.filter((i) => i.path !== 'newPassword' && i.path !== 'currentPassword')}
      />
      <FormFailure message={failure} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.saving') : t('password.submit')}
        </button>
        {secondary}
      </div>
    </form>
  );
}

/** The forced change of the initial password, before anything else. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <AuthPage title="password.title" lead="password.lead" wide>
      <PasswordChangeForm
        knownPassword={session.knownPassword}
        secondary={
          <button type="button" className="button" onClick={() => void session.signOut()}>
            {t('app.signOut')}
          </button>
        }
      />
    </AuthPage>
  );
}
