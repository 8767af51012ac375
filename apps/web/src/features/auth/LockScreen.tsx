import { useId } from 'react';
import { Icon } from '../../components/Icon';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { PasswordInput, SignInFeedback, usePasswordAttempt } from './shared';

/**
 * Shown over the app after the idle time: the page behind stays as it was (inert), with whatever
 * was typed; the password unlocks it (a new sign-in, since locking ended the server session).
 */
export function LockScreen() {
  const { t } = useI18n();
  const { unlock, signOut } = useSession();
  const { password, setPassword, busy, error, retryAt, allowRetry, submit } =
    usePasswordAttempt(unlock);
  const titleId = useId();
  const errorId = useId();

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby={titleId}>
      <div className="auth-card">
        <div className="lock-head">
          <Icon name="lock" size={28} />
          <LanguageSwitch />
        </div>
        <h1 id={titleId} className="auth-title">
          {t('lock.title')}
        </h1>
        <p className="auth-lead">{t('lock.lead')}</p>
        <form onSubmit={submit} noValidate>
          <PasswordInput
            label={t('signIn.password')}
            value={password}
            onValueChange={setPassword}
            autoComplete="current-password"
            describedBy={errorId}
            invalid={error === 'wrongPassword'}
            autoFocus
          />
          <SignInFeedback
            id={errorId}
            error={error}
            retryAt={retryAt}
            onRetryAllowed={allowRetry}
          />
          <div className="actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy || !password || retryAt !== null}
            >
              {t('lock.unlock')}
            </button>
            <button type="button" className="button" onClick={() => void signOut()}>
              {t('app.signOut')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
