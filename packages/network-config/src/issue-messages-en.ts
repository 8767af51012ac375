/** The English issue messages as one table for `formatIssueWith` (ADR 0033). */
import type { IssueMessages } from './issue-format';
import { messagesEn } from './messages/en';

export const issueMessagesEn: IssueMessages = {
  locale: 'en',
  messages: messagesEn,
  affectedRoutes: (count, routes) => ` Affected routes (${count}): ${routes}.`,
};
