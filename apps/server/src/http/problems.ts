/**
 * RFC 9457 problem details. Every error the API answers is an `HttpProblem` turned into
 * `application/problem+json` by the root error handler (error-handler.ts).
 */
import { type Issue, type LocalizedIssue, localizeIssues } from '@edgenet/network-config';
import type { ApiIssue, Problem } from '@edgenet/network-config/contract';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface LocalizedText {
  en: string;
  ja: string;
}

export interface ProblemInit {
  status: number;
  /** Stable machine-readable reason, e.g. `revision.stale`. */
  code: string;
  title: string;
  message: LocalizedText;
  issues?: (Issue | LocalizedIssue)[];
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
    super(init.message.en);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.localized = init.message;
    this.issues = init.issues ? toApiIssues(init.issues) : undefined;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.headers = init.headers ?? {};
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

/** 422: the input breaks a rule of the core library. */
export function ruleViolation(issues: readonly (Issue | LocalizedIssue)[]): HttpProblem {
  const count = issues.filter((i) => i.severity === 'error').length;
  return new HttpProblem({
    status: 422,
    code: 'validation.failed',
    title: 'The change breaks a network rule',
    message: {
      en: `The change was not applied: ${count} problem(s) to fix.`,
      ja: `変更は適用されませんでした。修正が必要な問題が ${count} 件あります。`,
    },
    issues: [...issues],
  });
}

/** 400: the request's shape is wrong (types, unknown or missing fields). */
export function badRequest(issues: LocalizedIssue[], message?: LocalizedText): HttpProblem {
  return new HttpProblem({
    status: 400,
    code: 'request.invalid',
    title: 'The request is malformed',
    message: message ?? {
      en: 'The request does not have the expected shape; see the issues.',
      ja: 'リクエストの形式が正しくありません。問題の一覧を確認してください。',
    },
    issues,
  });
}

export function notFound(code: string, message: LocalizedText): HttpProblem {
  return new HttpProblem({ status: 404, code, title: 'Not found', message });
}

/** 429: the body says when to try again, and so does `Retry-After`. */
export function tooManyRequests(
  code: string,
  title: string,
  message: LocalizedText,
  retryAfterSeconds: number,
): HttpProblem {
  return new HttpProblem({
    status: 429,
    code,
    title,
    message,
    retryAfterSeconds,
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}

export function conflict(code: string, message: LocalizedText, issues?: Issue[]): HttpProblem {
  return new HttpProblem({ status: 409, code, title: 'Conflict', message, issues });
}

export function staleRevision(current: number): HttpProblem {
  return new HttpProblem({
    status: 412,
    code: 'revision.stale',
    title: 'The configuration changed meanwhile',
    message: {
      en: `Someone else changed the configuration (it is now at revision ${current}). Reload it and apply your change again.`,
      ja: `他のユーザーが構成を変更しました (現在のリビジョンは ${current} です)。再読み込みしてから、もう一度変更を適用してください。`,
    },
    headers: { etag: `"${current}"` },
  });
}

export function revisionRequired(): HttpProblem {
  return new HttpProblem({
    status: 428,
    code: 'revision.required',
    title: 'If-Match required',
    message: {
      en: 'Send the revision you read in an If-Match header (the ETag of the configuration), so changes by others are never overwritten.',
      ja: '他のユーザーの変更を上書きしないよう、読み取ったリビジョン (構成の ETag) を If-Match ヘッダーで送信してください。',
    },
  });
}

/** 422: the change carries a warning the admin must acknowledge first (SPEC §7.2). */
export function acknowledgementRequired(issues: readonly (Issue | LocalizedIssue)[]): HttpProblem {
  return new HttpProblem({
    status: 422,
    code: 'change.acknowledgementRequired',
    title: 'The change needs an acknowledgement',
    message: {
      en: 'This change can cut you off from the console: send it again with acknowledge: ["port.managementChange"] to apply it tentatively.',
      ja: 'この変更によりコンソールに接続できなくなる可能性があります。acknowledge: ["port.managementChange"] を付けて再送すると仮適用されます。',
    },
    issues: [...issues],
  });
}
