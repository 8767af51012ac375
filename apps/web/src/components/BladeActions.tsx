import { useI18n } from '../lib/i18n';

/**
 * A blade's footer: its one primary action — busy, with its own wording, while the request runs —
 * and Cancel. Every form blade ends this way, as the device's blades do.
 */
export function BladeActions({
  label,
  busyLabel,
  busy,
  disabled = false,
  onSubmit,
  onCancel,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        onClick={onSubmit}
        disabled={disabled || busy}
        aria-busy={busy || undefined}
      >
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </>
  );
}
