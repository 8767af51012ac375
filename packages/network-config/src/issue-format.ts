/**
 * Formatting an issue with one language's table, without importing any table: the web imports
 * the English table statically and the Japanese one on demand (ADR 0033), and formats with this.
 * Node callers keep `formatIssue(issue, locale)`, which holds both tables.
 */
import type { Issue, MessageTable } from './issues';
import type { Locale } from './model';

/** One language's issue messages: the per-code texts and the suffix naming affected routes. */
export interface IssueMessages {
  locale: Locale;
  messages: MessageTable;
  /** Appended when an issue groups several routes (see `checkPortChange`). */
  affectedRoutes: (count: string | number, routes: string) => string;
}

export function formatIssueWith(
  table: IssueMessages,
  issue: Pick<Issue, 'code' | 'params'>,
): string {
  const text = table.messages[issue.code](issue.params);
  const routes = issue.params.routes;
  if (typeof routes !== 'string' || routes === '') return text;
  return `${text}${table.affectedRoutes(issue.params.routeCount ?? '', routes)}`;
}
