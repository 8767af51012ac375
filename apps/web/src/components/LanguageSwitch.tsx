import type { Locale } from '@edgenet/network-config';
import { useId } from 'react';
import { useI18n } from '../lib/i18n';
import { Icon } from './Icon';

/** English / 日本語, switchable at any time (each name in its own language, as is customary). */
export function LanguageSwitch({ className }: { className?: string }) {
  const { locale, setLocale, t } = useI18n();
  const id = useId();
  return (
    <div className={`language-switch${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <Icon name="globe" size={18} />
      <select
        id={id}
        className="select select--compact"
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="ja" lang="ja">
          日本語
        </option>
      </select>
    </div>
  );
}
