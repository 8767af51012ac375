import { type ReactNode, useEffect, useId } from 'react';
import { useI18n } from '../lib/i18n';

/** The page's h1 and description; also names the browser tab after the page. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} — ${t('app.title')}`;
  }, [title, t]);
  return (
    <header className="page-header">
      <div>
        <h1 className="page-title">{title}</h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

/** A titled section of a page (a named region, so screen readers can jump between them). */
export function Section({
  title,
  children,
  actions,
  description,
  className,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  description?: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section className={`section${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="section-head">
        <h2 className="section-title" id={id}>
          {title}
        </h2>
        {actions ? <div className="section-actions">{actions}</div> : null}
      </div>
      {description ? <div className="section-description">{description}</div> : null}
      {children}
    </section>
  );
}
