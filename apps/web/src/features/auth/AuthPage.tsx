import { type ReactNode, useEffect } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n';

/**
 * The frame of a page shown before the app (sign-in, the forced password change): the product
 * and the language switch on top, then a card with the title and lead; the document title follows
 * the page's title.
 */
export function AuthPage({
  title,
  lead,
  wide = false,
  children,
}: {
  title: MessageKey;
  lead: MessageKey;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t(title)} — ${t('app.title')}`;
  }, [t, title]);
  return (
    <div className="auth-page">
      <header className="auth-top">
        <span className="auth-product">{t('app.product')}</span>
        <LanguageSwitch />
      </header>
      <main className={wide ? 'auth-card auth-card--wide' : 'auth-card'}>
        <h1 className="auth-title">{t(title)}</h1>
        <p className="auth-lead">{t(lead)}</p>
        {children}
      </main>
    </div>
  );
}
