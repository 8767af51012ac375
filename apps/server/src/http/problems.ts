/**
 * RFC 9457 problem details. Every error the API answers is an `HttpProblem` turned into
 * `application/problem+json` by the root error handler (error-handler.ts). Its title and message
 * come from the server's message table (messages.ts) by code; the domain throws `DomainError`s,
 * which the error handler turns into problems (`problemOf`).
 */
import { type Issue, type LocalizedIssue, localizeIssues } from '@edgenet/network-config';
import type { ApiIssue, Problem } from '@edgenet/network-config/contract';
import { type DomainError, type DomainErrorKind, InvalidRequest } from '../domain-errors';
import { type LocalizedText, type MessageParams, problemText, type ServerCode } from '../messages';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

interface ProblemInit {
  status: number;
  /** Stable machine-readable reason, e.g. `revision.stale`; its texts are in messages.ts. */
  code: ServerCode;
  params?: MessageParams;
  /** Instead of the code's own message: the message of the issue that says what is wrong. */
  message?: LocalizedText;
  issues?: readonly (Issue | LocalizedIssue)[];
  retryAfterSeconds?: number;
  headers?: Record<string, string>;
  /** RFC 9457 extension members, added after the standard ones. */
  extensions?: Record<string, unknown>;
}

/** Issues with their English and Japanese messages (already localized ones are kept). */
export function toApiIssues(issues: readonly (Issue | LocalizedIssue)[]): ApiIssue[] {
  return issues.map((i) => ('message' in i ? i : (localizeIssues([i])[0] as LocalizedIssue)));
}

export class HttpProblem extends Error {
  override name = 'HttpProblem';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly localized: LocalizedText;
  readonly issues: ApiIssue[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(init: ProblemInit) {
    const text = problemText(init.code, init.params);
    const localized = init.message ?? text.message;
    super(localized.en);
    this.status = init.status;
    this.code = init.code;
    this.title = text.title;
    this.localized = localized;
    this.issues = init.issues ? toApiIssues(init.issues) : undefined;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.headers = {
      ...(init.retryAfterSeconds !== undefined
        ? { 'retry-after': String(init.retryAfterSeconds) }
        : {}),
      ...init.headers,
    };
    this.extensions = init.extensions;
  }

  toJSON(): Problem {
    return {
      type: `urn:edgenet:problem:${this.code}`,
      title: this.title,
      status: this.status,
      detail: this.localized.en,
      code: this.code,
      message: this.localized,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: this.retryAfterSeconds }
        : {}),
      ...this.extensions,
    };
  }
}

/** The HTTP status of each kind of domain error. */
const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalidRequest: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  stale: 412,
  tooLarge: 413,
  ruleViolation: 422,
  preconditionRequired: 428,
  busy: 429,
};

/** A domain error as a problem: status by kind, texts by code; a stale write learns the ETag. */
export function problemOf(error: DomainError): HttpProblem {
  const cause = error instanceof InvalidRequest ? error.causeIssue : undefined;
  return new HttpProblem({
    status: STATUS_OF_KIND[error.kind],
    code: error.code,
    params: error.params,
    ...(cause ? { message: toApiIssues([cause])[0]?.message } : {}),
    issues: error.issues,
    retryAfterSeconds: error.retryAfterSeconds,
    ...(error.kind === 'stale' ? { headers: { etag: `"${error.params.current}"` } } : {}),
  });
}
