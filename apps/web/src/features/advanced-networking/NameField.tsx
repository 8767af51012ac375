import { TextField } from '../../components/TextField';
import { type UiIssue, useI18n } from '../../lib/i18n';

/** The name of a virtual switch or network: typed as is (no autocomplete, no spell check). */
export function NameField({
  value,
  onValueChange,
  issues,
  placeholder,
}: {
  value: string;
  onValueChange: (value: string) => void;
  issues: readonly UiIssue[];
  placeholder: string;
}) {
  const { t } = useI18n();
  return (
    <TextField
      label={t('advnet.name')}
      value={value}
      onValueChange={onValueChange}
      issues={issues}
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
    />
  );
}
