/**
 * Schema (shape) errors → issues on the offending fields. Fastify's validator (Ajv) and TypeBox's
 * compiler report errors in the same form (`instancePath`, `keyword`, `params`); one issue per
 * field is kept, with `field.required` for a missing field and `field.invalid` otherwise, and a
 * message in English and Japanese that says what was expected. These are HTTP-shape messages, not
 * network rules: the rules and their messages stay in the core.
 */
import { type LocalizedIssue, localizeIssue } from '@edgenet/network-config';
import { type MessageParams, type ServerTextKey, serverText } from '../messages';

export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** `/nodeIpRange/start` → `nodeIpRange.start`; `/dns/0` → `dns[0]` (the SPEC's path style). */
export function pointerToPath(pointer: string, base = ''): string {
  let path = base;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else path += path ? `.${part}` : part;
  }
  return path;
}

/** A `field.invalid` issue whose message is the server text `text` (messages.ts). */
function invalid(
  path: string,
  text: ServerTextKey,
  textParams: MessageParams = {},
  params: Record<string, string | number> = {},
): LocalizedIssue {
  return {
    path,
    code: 'field.invalid',
    severity: 'error',
    params,
    message: serverText(text, textParams),
  };
}

function required(path: string): LocalizedIssue {
  return localizeIssue({ path, code: 'field.required', severity: 'error', params: {} });
}

/** The text of a length or count limit, and the parameter that names the limit. */
const LIMIT_TEXT: Record<string, [ServerTextKey, 'min' | 'max']> = {
  maxLength: ['shape.tooLong', 'max'],
  minLength: ['shape.tooShort', 'min'],
  maxItems: ['shape.tooManyItems', 'max'],
};

/** One issue per offending field, in the order the errors came. */
export function issuesFromSchemaErrors(
  errors: readonly SchemaError[],
  base = '',
): LocalizedIssue[] {
  const byPath = new Map<string, LocalizedIssue>();
  const expectedTypes = new Map<string, Set<string>>();
  const allowedValues = new Map<string, Set<string>>();
  const put = (issue: LocalizedIssue) => {
    if (!byPath.has(issue.path)) byPath.set(issue.path, issue);
  };
  for (const error of errors) {
    const at = pointerToPath(error.instancePath, base);
    const params = error.params ?? {};
    switch (error.keyword) {
      case 'required': {
        const missing =
          (params.requiredProperties as string[] | undefined) ??
          (params.missingProperty !== undefined ? [String(params.missingProperty)] : []);
        for (const name of missing) put(required(at ? `${at}.${name}` : name));
        break;
      }
      case 'additionalProperties': {
        const extra = (params.additionalProperties as string[] | string | undefined) ?? [];
        for (const name of Array.isArray(extra) ? extra : [extra]) {
          put(
            invalid(
              at ? `${at}.${name}` : name,
              'shape.unknownField',
              { field: name },
              {
                field: name,
              },
            ),
          );
        }
        break;
      }
      case 'type': {
        const set = expectedTypes.get(at) ?? new Set<string>();
        for (const t of [params.type].flat()) if (typeof t === 'string') set.add(t);
        expectedTypes.set(at, set);
        break;
      }
      case 'anyOf':
      case 'oneOf':
      case 'boolean':
        // Summarised by the `type` errors of the same field (or the additionalProperties error).
        break;
      case 'maxLength':
      case 'minLength':
      case 'maxItems': {
        const [text, bound] = LIMIT_TEXT[error.keyword];
        const limit = Number(params.limit);
        put(invalid(at, text, { limit }, { [bound]: limit }));
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        put(invalid(at, 'shape.outOfRange', { detail: error.message ?? error.keyword }));
        break;
      case 'const':
      case 'enum': {
        const set = allowedValues.get(at) ?? new Set<string>();
        for (const v of [params.allowedValue ?? params.allowedValues ?? params.const].flat()) {
          set.add(String(v));
        }
        allowedValues.set(at, set);
        break;
      }
      default:
        put(invalid(at, 'shape.invalid'));
    }
  }
  for (const [at, values] of allowedValues) {
    if (byPath.has(at)) continue;
    const text = [...values].join(', ');
    put(invalid(at, 'shape.oneOf', { allowed: text }, { allowed: text }));
  }
  for (const [at, types] of expectedTypes) {
    if (byPath.has(at)) continue;
    const expected = [...types].join('|');
    put(invalid(at, 'shape.type', { types: expected }, { expected }));
  }
  // A constant mismatch inside a union (e.g. kind) is reported as `const` per branch; if only
  // union-level errors were seen, say the value is not valid.
  if (byPath.size === 0 && errors.length > 0) {
    const first = errors[0] as SchemaError;
    put(invalid(pointerToPath(first.instancePath, base), 'shape.invalid'));
  }
  return [...byPath.values()];
}
