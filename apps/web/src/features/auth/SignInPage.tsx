import { useEffect, useId } from 'react';
import { Icon } from '../../components/Icon';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { PasswordInput, SignInFeedback, usePasswordAttempt } from './shared';

/** The device's sign-in page: one password, like the local web UI. */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn, expired } = useSession();
  const { password, setPassword, busy, error, retryAt, allowRetry, submit } =
    usePasswordAttempt(signIn);
  const errorId = useId();

  useEffect(() => {
    document.title = `${t('signIn.title')} — ${t('app.title')}`;
  }, [t]);

  const lockedOut = retryAt !== null && retryAt > Date.now();

  return (
    <div className="auth-page">
      <header className="auth-top">
        <span className="auth-product">{t('app.product')}</span>
        <LanguageSwitch />
      </header>
      <main className="auth-card">
        <h1 className="auth-title">{t('signIn.title')}</h1>
        <p className="auth-lead">{t('signIn.lead')}</p>
        {expired ? (
          <p className="notice notice--info" role="status">
            <Icon name="info" />
            <span>{t('signIn.expired')}</span>
          </p>
        ) : null}
        <form onSubmit={submit} noValidate>
          <PasswordInput
            label={t('signIn.password')}
            value={password}
            onValueChange={setPassword}
            autoComplete="current-password"
            describedBy={error || lockedOut ? errorId : undefined}
            invalid={error === 'wrongPassword'}
            autoFocus
          />
          <SignInFeedback
            id={errorId}
            error={error}
            retryAt={retryAt}
            onRetryAllowed={allowRetry}
          />
          <button
            type="submit"
            className="button button--primary button--wide"
            disabled={busy || lockedOut || !password}
          >
            {busy ? t('signIn.signingIn') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
