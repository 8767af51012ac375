import { useId } from 'react';
import { Icon } from '../../components/Icon';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { PasswordInput, SignInFeedback, usePasswordAttempt } from './shared';

/**
 * Shown instead of the app after the idle time or the Lock button (the lead says which): the page
 * behind stays mounted as it was, with whatever was typed, but hidden and inert; the password
 * unlocks it (a new sign-in, since locking ended the server session).
 */
export function LockScreen() {
  const { t } = useI18n();
  const { unlock, signOut, lockReason } = useSession();
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
        <p className="auth-lead">{t(lockReason === 'manual' ? 'lock.leadManual' : 'lock.lead')}</p>
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
