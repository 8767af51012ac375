/**
 * The Japanese issue messages as one table for `formatIssueWith` (ADR 0033). Also the package's
 * `./issue-messages-ja` entry, so the web can load it on demand.
 */
import type { IssueMessages } from './issue-format';
import { messagesJa } from './messages/ja';

export const issueMessagesJa: IssueMessages = {
  locale: 'ja',
  messages: messagesJa,
  affectedRoutes: (count, routes) => ` 対象のルート (${count} 件): ${routes}。`,
};
