import { useEffect, useRef } from 'react';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../lib/i18n';
import { EXPORT_CHOICES, exportUrl } from './exchange';

/**
 * Export: a disclosure (`<details>`) of plain download links, one per format. A link needs no
 * script to download, works with the keyboard (Enter on the summary, Tab through the links) and
 * closes with Escape.
 */
export function ExportMenu() {
  const { t } = useI18n();
  const ref = useRef<HTMLDetailsElement | null>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && details.open) {
        details.open = false;
        details.querySelector('summary')?.focus();
      }
    };
    details.addEventListener('keydown', onKey);
    return () => details.removeEventListener('keydown', onKey);
  }, []);
  return (
    <details ref={ref} className="menu">
      <summary className="button">
        <Icon name="download" size={18} />
        {t('exchange.export')}
      </summary>
      <ul className="menu-list" aria-label={t('exchange.exportFormats')}>
        {EXPORT_CHOICES.map((format) => (
          <li key={format}>
            <a
              className="menu-item"
              href={exportUrl(format)}
              download
              onClick={() => {
                if (ref.current) ref.current.open = false;
              }}
            >
              <span className="menu-item-title">{t(`exchange.format.${format}`)}</span>
              <span className="menu-item-hint">{t(`exchange.formatHint.${format}`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
