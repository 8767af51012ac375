import { Link, useLocation } from 'wouter';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/Toasts';
import { useI18n } from '../../lib/i18n';
import { PasswordChangeForm } from './ChangePasswordPage';

/**
 * Changing the password at any time, from the top bar. It always asks for the current password:
 * an unlocked console left alone must not be enough to take the device over. The server ends
 * every other session; this one continues.
 */
export function PasswordPage() {
  const { t } = useI18n();
  const toast = useToast();
  const [, navigate] = useLocation();
  return (
    <div className="page">
      <PageHeader title={t('password.title')} description={t('password.changeLead')} />
      <div className="card card--narrow">
        <PasswordChangeForm
          knownPassword={null}
          onChanged={() => {
            toast({ kind: 'success', title: { key: 'password.changed' } });
            navigate('/');
          }}
          secondary={
            <Link href="/" className="button">
              {t('common.cancel')}
            </Link>
          }
        />
      </div>
    </div>
  );
}
