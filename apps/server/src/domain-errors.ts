/**
 * What the domain services (and auth) throw when they refuse: a kind, a message code of the
 * server's table (messages.ts) and its parameters, and the core issues behind it. No HTTP here:
 * the one error handler (http/error-handler.ts) maps each kind to its status, headers and
 * RFC 9457 problem (ADR 0036).
 */
import type { Issue, LocalizedIssue } from '@edgenet/network-config';
import type { MessageParams, ServerCode } from './messages';

export type DomainErrorKind =
  | 'invalidRequest'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'stale'
  | 'tooLarge'
  | 'ruleViolation'
  | 'preconditionRequired'
  | 'busy';

type Issues = readonly (Issue | LocalizedIssue)[];

export abstract class DomainError extends Error {
  override name = 'DomainError';
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly code: ServerCode,
    readonly params: MessageParams = {},
    readonly issues?: Issues,
    /** Seconds after which trying again makes sense (`Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

/** The request's shape is wrong; `cause` is the issue whose message says so, if one does. */
export class InvalidRequest extends DomainError {
  readonly kind = 'invalidRequest';
  constructor(
    issues: Issues,
    readonly causeIssue?: Issue,
  ) {
    super('request.invalid', {}, issues);
  }
}

export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}

export class NotFound extends DomainError {
  readonly kind = 'notFound';
}

export class Conflict extends DomainError {
  readonly kind = 'conflict';
}

/** Another change came first: the configuration is now at `current`. */
export class StaleRevision extends DomainError {
  readonly kind = 'stale';
  constructor(readonly current: number) {
    super('revision.stale', { current });
  }
}

/** The write must name the revision it was based on. */
export class RevisionRequired extends DomainError {
  readonly kind = 'preconditionRequired';
  constructor() {
    super('revision.required');
  }
}

export class TooLarge extends DomainError {
  readonly kind = 'tooLarge';
}

/** The input breaks rules of the core (`validation.failed`) or needs an acknowledgement. */
export class RuleViolation extends DomainError {
  readonly kind = 'ruleViolation';
  constructor(
    issues: Issues,
    code: 'validation.failed' | 'change.acknowledgementRequired' = 'validation.failed',
  ) {
    super(code, { count: issues.filter((i) => i.severity === 'error').length }, issues);
  }
}

/** Too many at once, or too many failures: try again after `retryAfterSeconds`. */
export class Busy extends DomainError {
  readonly kind = 'busy';
}

/** A change waits for confirmation: 409, and when its deadline is near. */
export class PendingConfirmation extends DomainError {
  readonly kind = 'conflict';
}

/** The change can cut the admin off: it must be sent again with its warning acknowledged. */
export function acknowledgementRequired(issues: Issues): RuleViolation {
  return new RuleViolation(issues, 'change.acknowledgementRequired');
}
