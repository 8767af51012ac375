import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { Blade } from './Blade';
import { BladeActions } from './BladeActions';
import { ConflictNotice, RebasedNotice } from './ConflictNotice';

/** What a form blade shows of its write's outcome (`useWriteOutcome`). */
export interface BladeOutcome {
  conflict: boolean;
  rebased?: boolean;
  reload: { mutate: () => void; isPending: boolean };
}

/**
 * A blade holding one configuration form, as every form blade of the device is built: the
 * conflict notice of a 412 (and, with `showRebased`, the note once the form sits on the new
 * revision), the form — Enter in a field submits it — and the footer with the one primary action
 * (disabled while the form is blocked or in conflict) and Cancel.
 */
export function FormBlade({
  title,
  subtitle,
  onClose,
  action,
  outcome,
  showRebased = false,
  onEnter,
  notice,
  after,
  children,
}: {
  title: string;
  subtitle?: string;
  onClose: () => void;
  action: {
    /** The action's wording; "Apply" unless given. */
    label?: string;
    /** The busy wording; "Applying…" unless given. */
    busyLabel?: string;
    busy: boolean;
    disabled: boolean;
    onSubmit: () => void;
  };
  outcome: BladeOutcome;
  showRebased?: boolean;
  /** Enter in a field; by default the action, unless it is disabled. */
  onEnter?: () => void;
  /** A note above the form (after the conflict notices). */
  notice?: ReactNode;
  /** What belongs to the blade but not to the form (a confirmation dialog). */
  after?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Blade
      open
      title={title}
      subtitle={subtitle}
      onClose={onClose}
      footer={
        <BladeActions
          label={action.label ?? t('common.apply')}
          busyLabel={action.busyLabel ?? t('common.applying')}
          busy={action.busy}
          disabled={action.disabled || outcome.conflict}
          onSubmit={action.onSubmit}
          onCancel={onClose}
        />
      }
    >
      {outcome.conflict ? (
        <ConflictNotice
          onReload={() => outcome.reload.mutate()}
          reloading={outcome.reload.isPending}
        />
      ) : null}
      {showRebased && outcome.rebased && !outcome.conflict ? <RebasedNotice /> : null}
      {notice}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (onEnter) onEnter();
          else if (!action.disabled) action.onSubmit();
        }}
      >
        {children}
        {/* Enter in a field submits, like the device UI. */}
        <button type="submit" hidden />
      </form>
      {after}
    </Blade>
  );
}

/** "Revert automatically unless I confirm" (SPEC §7.2): makes the write a tentative change. */
export function OptInConfirm({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{t('pending.optIn')}</span>
    </label>
  );
}
