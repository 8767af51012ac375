import { type FormEvent, useEffect, useId, useState } from 'react';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../lib/i18n';
import type { SignInResult } from '../../lib/session';

/** A password field with a show/hide toggle (a button, so it works by touch and keyboard). */
export function PasswordInput({
  label,
  value,
  onValueChange,
  autoComplete,
  describedBy,
  invalid,
  autoFocus,
}: {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="input-with-button">
        <input
          id={id}
          className="input"
          type={shown ? 'text' : 'password'}
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
          autoComplete={autoComplete}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          // biome-ignore lint/a11y/noAutofocus: the page's only purpose is this field
          autoFocus={autoFocus}
          spellCheck={false}
          autoCapitalize="off"
        />
        <button
          type="button"
          className="button button--icon"
          onClick={() => setShown((s) => !s)}
          aria-pressed={shown}
          aria-label={t('password.show')}
          aria-controls={id}
        >
          <Icon name={shown ? 'eyeOff' : 'eye'} size={18} />
        </button>
      </div>
    </div>
  );
}

/** "Locked out: try again in 4:59", counting down; calls onDone when the wait is over. */
export function Countdown({ until, onDone }: { until: number; onDone: () => void }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  useEffect(() => {
    if (left === 0) onDone();
  }, [left, onDone]);
  const minutes = Math.floor(left / 60);
  const seconds = String(left % 60).padStart(2, '0');
  return (
    <p className="field-issue field-issue--error">
      <Icon name="lock" size={16} />
      <span>{t('signIn.lockedOut', { time: `${minutes}:${seconds}` })}</span>
    </p>
  );
}

/**
 * What a password prompt says after a failed attempt (sign-in and the lock screen alike): the
 * reason, and while locked out the time left before the next try. Announced as it changes.
 */
export function SignInFeedback({
  id,
  error,
  retryAt,
  onRetryAllowed,
}: {
  id: string;
  error: 'wrongPassword' | 'failed' | null;
  retryAt: number | null;
  onRetryAllowed: () => void;
}) {
  const { t } = useI18n();
  return (
    <div id={id} aria-live="assertive" className="field-issues">
      {error ? (
        <p className="field-issue field-issue--error">
          <Icon name="error" size={16} />
          <span>{t(error === 'wrongPassword' ? 'signIn.wrongPassword' : 'signIn.failed')}</span>
        </p>
      ) : null}
      {retryAt !== null ? <Countdown until={retryAt} onDone={onRetryAllowed} /> : null}
    </div>
  );
}

/**
 * One password attempt at a time (sign-in, unlock): what was typed, whether it is being checked,
 * and the outcome the feedback shows (wrong password, failure, or locked out until `retryAt`).
 * The field is emptied after a refused attempt.
 */
export function usePasswordAttempt(attempt: (password: string) => Promise<SignInResult>) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<'wrongPassword' | 'failed' | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    setError(null);
    const result = await attempt(password);
    setBusy(false);
    if (result.ok) return;
    if (result.reason === 'lockedOut') {
      setRetryAt(Date.now() + (result.retryAfterSeconds ?? 60) * 1000);
    } else {
      setError(result.reason === 'wrongPassword' ? 'wrongPassword' : 'failed');
    }
    setPassword('');
  };

  return {
    password,
    setPassword,
    busy,
    error,
    retryAt,
    allowRetry: () => setRetryAt(null),
    submit,
  };
}

/**
 * The password field of a sign-in or an unlock and its feedback (`errorId`), fed by
 * `usePasswordAttempt`; `describedBy` says when the field points at the feedback.
 */
export function AttemptPasswordField({
  attempt,
  errorId,
  describedBy,
}: {
  attempt: ReturnType<typeof usePasswordAttempt>;
  errorId: string;
  describedBy: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <PasswordInput
        label={t('signIn.password')}
        value={attempt.password}
        onValueChange={attempt.setPassword}
        autoComplete="current-password"
        describedBy={describedBy}
        invalid={attempt.error === 'wrongPassword'}
        autoFocus
      />
      <SignInFeedback
        id={errorId}
        error={attempt.error}
        retryAt={attempt.retryAt}
        onRetryAllowed={attempt.allowRetry}
      />
    </>
  );
}
