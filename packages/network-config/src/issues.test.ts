import { describe, expect, it } from 'vitest';
import { NetConfigError } from './errors';
import {
  errorsOf,
  hasErrors,
  ISSUE_CODES,
  type Issue,
  issueFromError,
  issuesUnder,
  localizeIssue,
  localizeIssues,
  prefixIssuePaths,
} from './issues';

const error: Issue = {
  path: 'nodeIpRange',
  code: 'compute.nodeRangeTooSmall',
  severity: 'error',
  params: { size: 2, required: 3, nodeCount: 2 },
};
const warning: Issue = {
  path: 'destinationPrefix',
  code: 'route.destinationConnected',
  severity: 'warning',
  params: { destination: '192.168.20.0/24', interfaceAlias: 'Port3', subnet: '192.168.20.0/24' },
};

describe('issues', () => {
  it('codes are stable, dotted and unique', () => {
    for (const code of ISSUE_CODES) expect(code).toMatch(/^[a-z]+\.[a-zA-Z0-9]+$/);
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
  });

  it('errors block, warnings do not', () => {
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, error])).toBe(true);
    expect(hasErrors([])).toBe(false);
    expect(errorsOf([warning, error, warning])).toEqual([error]);
  });

  it('issueFromError keeps the code and params of a parse failure', () => {
    const parsed = issueFromError(
      'podCidr',
      new NetConfigError('prefix.hostBits', { value: '172.27.0.1/16', canonical: '172.27.0.0/16' }),
    );
    expect(parsed).toEqual({
      path: 'podCidr',
      code: 'prefix.hostBits',
      severity: 'error',
      params: { value: '172.27.0.1/16', canonical: '172.27.0.0/16' },
    });
    // Anything else still becomes a well-formed, localizable issue.
    expect(issueFromError('nextHop', new TypeError('boom'))).toEqual({
      path: 'nextHop',
      code: 'address.invalid',
      severity: 'error',
      params: { value: '' },
    });
  });

  it('prefixIssuePaths and issuesUnder are inverse', () => {
    const absolute = prefixIssuePaths([error, { ...warning, path: '' }], 'compute');
    expect(absolute.map((i) => i.path)).toEqual(['compute.nodeIpRange', 'compute']);
    expect(issuesUnder(absolute, 'compute').map((i) => i.path)).toEqual(['nodeIpRange', '']);
    // A sibling scope with the same beginning is not "under" it.
    expect(issuesUnder([{ ...error, path: 'computeX.nodeIpRange' }], 'compute')).toEqual([]);
    expect(issuesUnder([{ ...error, path: 'ports.Port3.gateway' }], 'ports.Port3')).toEqual([
      { ...error, path: 'gateway' },
    ]);
  });

  it('localizeIssue adds both messages and keeps the rest', () => {
    const localized = localizeIssue(warning);
    expect(localized).toMatchObject(warning);
    expect(localized.message.en).toContain('192.168.20.0/24');
    expect(localized.message.ja).toContain('192.168.20.0/24');
    expect(localizeIssues([error, warning]).map((i) => i.code)).toEqual([error.code, warning.code]);
  });
});
