/**
 * Notifications when a change lands (or fails). Text is kept as LocalText so it follows a language
 * switch. Successes leave by themselves, warnings a little later; errors stay until dismissed.
 * They sit in a strip along the bottom of the window, and the console above shrinks by the strip's
 * height (the CSS variable --toasts-h), so a notification never covers a control; nothing depends
 * on hovering.
 */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type LocalText, type UiIssue, useI18n } from '../lib/i18n';
import { Icon } from './Icon';

export type ToastKind = 'success' | 'error' | 'warning' | 'info';

export interface ToastInput {
  kind: ToastKind;
  title: LocalText;
  body?: LocalText;
  issues?: readonly UiIssue[];
  /** Called once when the notification leaves (dismissed, timed out or pushed out by newer ones). */
  onClose?: () => void;
}

interface Toast extends ToastInput {
  id: number;
}

/** Successes and infos leave after 6 s, warnings after 12 s; errors stay until dismissed. */
const LIFETIME_MS: Record<ToastKind, number | null> = {
  success: 6000,
  info: 6000,
  warning: 12000,
  error: null,
};
const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const closers = useRef(new Map<number, () => void>());
  const close = useCallback((ids: number[]) => {
    for (const id of ids) {
      const onClose = closers.current.get(id);
      closers.current.delete(id);
      onClose?.();
    }
  }, []);
  const dismiss = useCallback(
    (id: number) => {
      setToasts((list) => list.filter((t) => t.id !== id));
      close([id]);
    },
    [close],
  );
  const push = useCallback(
    (toast: ToastInput) => {
      const id = next.current++;
      if (toast.onClose) closers.current.set(id, toast.onClose);
      setToasts((list) => {
        const kept = list.slice(-3);
        const dropped = list.slice(0, -3).map((t) => t.id);
        if (dropped.length) queueMicrotask(() => close(dropped));
        return [...kept, { ...toast, id }];
      });
      const lifetime = LIFETIME_MS[toast.kind];
      if (lifetime !== null) window.setTimeout(() => dismiss(id), lifetime);
    },
    [dismiss, close],
  );
  const value = useMemo(() => push, [push]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

function ToastRegion({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  const { t, text, issueText } = useI18n();
  const region = useRef<HTMLElement | null>(null);
  // The console's height leaves room for the notifications (see .shell in styles.css).
  useLayoutEffect(() => {
    const element = region.current;
    if (!element) return;
    const root = document.documentElement;
    const publish = () =>
      root.style.setProperty('--toasts-h', `${element.getBoundingClientRect().height}px`);
    publish();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(publish);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--toasts-h');
    };
  }, []);
  return (
    <section ref={region} className="toasts" aria-label={t('toast.region')}>
      <div role="status" aria-live="polite" className="toast-stack">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.kind}`}>
            <Icon
              name={
                toast.kind === 'success' ? 'check' : toast.kind === 'info' ? 'info' : toast.kind
              }
              className="toast-icon"
            />
            <div className="toast-text">
              <p className="toast-title">{text(toast.title)}</p>
              {toast.body ? <p className="toast-body">{text(toast.body)}</p> : null}
              {toast.issues?.length ? (
                <ul className="toast-issues">
                  {toast.issues.map((issue) => (
                    <li key={`${issue.path}|${issue.code}`}>{issueText(issue)}</li>
                  ))}
                </ul>
              ) : null}
            </div>
            <button
              type="button"
              className="button button--icon toast-close"
              onClick={() => onDismiss(toast.id)}
              aria-label={t('toast.dismiss')}
            >
              <Icon name="close" size={18} />
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}

export function useToast(): (toast: ToastInput) => void {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast outside ToastProvider');
  return value;
}
