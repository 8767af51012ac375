import { useId } from 'react';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { AuthPage } from './AuthPage';
import { AttemptPasswordField, usePasswordAttempt } from './shared';

/** The device's sign-in page: one password, like the local web UI. */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn, expired } = useSession();
  const attempt = usePasswordAttempt(signIn);
  const { password, busy, error, retryAt, submit } = attempt;
  const errorId = useId();

  const lockedOut = retryAt !== null && retryAt > Date.now();

  return (
    <AuthPage title="signIn.title" lead="signIn.lead">
      {expired ? (
        <p className="notice notice--info" role="status">
          <Icon name="info" />
          <span>{t('signIn.expired')}</span>
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <AttemptPasswordField
          attempt={attempt}
          errorId={errorId}
          describedBy={error || lockedOut ? errorId : undefined}
        />
        <button
          type="submit"
          className="button button--primary button--wide"
          disabled={busy || lockedOut || !password}
        >
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
    </AuthPage>
  );
}
