import { isApiError } from './api';

/** A problem from a failed write that no field shows (conflict, precondition, server error). */
export function problemText(error: unknown, locale: 'en' | 'ja'): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  const p = error.problem;
  return p?.message?.[locale] ?? p?.detail ?? p?.title ?? error.message;
}
