/**
 * Everything Japanese the web shows, as one chunk loaded on demand (ADR 0033): the UI strings and
 * the core's issue messages. Only `loadLocale('ja')` imports this module, dynamically.
 */
export { issueMessagesJa } from '@edgenet/network-config/issue-messages-ja';
export { ja } from './ja';
