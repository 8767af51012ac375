import type { LocalText, UiIssue } from '../lib/i18n';
import type { ToastInput } from './Toasts';

/**
 * The notice after something was created: a warning listing the core's warnings about it when
 * there are any, else a success.
 */
export function savedToast(title: LocalText, issues: readonly UiIssue[]): ToastInput {
  const warnings = issues.filter((i) => i.severity === 'warning');
  return { kind: warnings.length ? 'warning' : 'success', title, issues: warnings };
}
