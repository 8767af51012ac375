import { type ReactNode, useId } from 'react';
import { useI18n } from '../lib/i18n';
import { Icon } from './Icon';
import { useModal } from './useModal';

/**
 * The device UI's side blade: slides in from the right over the page, a modal dialog with a
 * title, a scrolling body and a footer with the actions (Apply, Cancel).
 */
export function Blade({
  open,
  title,
  subtitle,
  onClose,
  footer,
  children,
  wide,
}: {
  open: boolean;
  title: string;
  subtitle?: string;
  onClose: () => void;
  footer?: ReactNode;
  children: ReactNode;
  /** A wider blade (up to 960 px) for tables, such as the import preview. */
  wide?: boolean;
}) {
  const { t } = useI18n();
  const ref = useModal(open, onClose);
  const titleId = useId();
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={wide ? 'blade blade--wide' : 'blade'}
      aria-labelledby={titleId}
      aria-modal="true"
    >
      <div className="blade-inner">
        <header className="blade-header">
          <div>
            <h2 id={titleId} className="blade-title">
              {title}
            </h2>
            {subtitle ? <p className="blade-subtitle">{subtitle}</p> : null}
          </div>
          <button
            type="button"
            className="button button--icon"
            onClick={onClose}
            aria-label={t('common.close')}
          >
            <Icon name="close" />
          </button>
        </header>
        <div className="blade-body">{children}</div>
        {footer ? <footer className="blade-footer">{footer}</footer> : null}
      </div>
    </dialog>
  );
}
