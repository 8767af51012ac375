import type { IssueCode } from './issues';

/** Thrown by every `parseX` function; carries an issue code so callers can localize it. */
export class NetConfigError extends Error {
  readonly code: IssueCode;
  readonly params: Record<string, string | number>;

  constructor(code: IssueCode, params: Record<string, string | number> = {}) {
    super(`${code}: ${JSON.stringify(params)}`);
    this.name = 'NetConfigError';
    this.code = code;
    this.params = params;
  }
}
