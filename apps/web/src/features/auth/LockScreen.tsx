import { useId } from 'react';
import { Icon } from '../../components/Icon';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { AttemptPasswordField, usePasswordAttempt } from './shared';

/**
 * Shown instead of the app after the idle time or the Lock button (the lead says which): the page
 * behind stays mounted as it was, with whatever was typed, but hidden and inert; the password
 * unlocks it (a new sign-in, since locking ended the server session).
 */
export function LockScreen() {
  const { t } = useI18n();
  const { unlock, signOut, lockReason } = useSession();
  const attempt = usePasswordAttempt(unlock);
  const { password, busy, retryAt, submit } = attempt;
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
          <AttemptPasswordField attempt={attempt} errorId={errorId} describedBy={errorId} />
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
