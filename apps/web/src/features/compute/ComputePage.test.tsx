import { formatIssue, type IssueCode } from '@edgenet/network-config';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { typeArticleRanges } from '../../test/article';
import { describedText, type } from '../../test/dom';
import { createFakeServer } from '../../test/fakeServer';
import { renderApp } from '../../test/render';

const msg = (code: IssueCode, params: Record<string, string | number>, locale: 'en' | 'ja') =>
  formatIssue({ code, params }, locale);

async function openComputeForm(locale: 'en' | 'ja' = 'en') {
  const app = renderApp('/compute', createFakeServer(), locale);
  const enable = await screen.findByRole(
    'button',
    {
      name:
        locale === 'en'
          ? 'Enable Port3 for compute'
          : 'Port3 をコンピューティングに対して有効にする',
    },
    { timeout: 10_000 },
  );
  fireEvent.click(enable);
  return app;
}

describe('Compute page: the core’s messages on the right fields while typing', () => {
  it('node range outside the subnet, too small, overlapping the services and the pod CIDR — in English, then Japanese', async () => {
    const { server } = await openComputeForm('en');
    const nodeStart = screen.getByLabelText('Node IP range start');
    const nodeEnd = screen.getByLabelText('Node IP range end');
    const serviceStart = screen.getByLabelText('Service IP range start');
    const serviceEnd = screen.getByLabelText('Service IP range end');
    const nodes = screen.getByRole('group', { name: 'Kubernetes node IPs' });
    const services = screen.getByRole('group', { name: 'Kubernetes external service IPs' });
    type(serviceStart, '192.168.20.60');
    type(serviceEnd, '192.168.20.65');

    // Outside the compute port's subnet: on the field that is outside.
    type(nodeStart, '192.168.10.50');
    type(nodeEnd, '192.168.20.51');
    const outside = msg(
      'compute.rangeOutsideSubnet',
      { address: '192.168.10.50', port: 'Port3', subnet: '192.168.20.0/24' },
      'en',
    );
    expect(describedText(nodeStart)).toContain(outside);
    expect(describedText(nodeEnd)).not.toContain(outside);
    expect(nodeStart.getAttribute('aria-invalid')).toBe('true');

    // Too small for one node (master + worker): on the node range as a whole.
    type(nodeStart, '192.168.20.50');
    type(nodeEnd, '192.168.20.50');
    expect(describedText(nodeStart).trim()).toBe('');
    expect(describedText(nodes)).toContain(
      msg('compute.nodeRangeTooSmall', { size: 1, required: 2, nodeCount: 1 }, 'en'),
    );
    expect(describedText(nodes)).toContain('1 address');

    // Overlapping the external service IPs: on the service range.
    type(nodeEnd, '192.168.20.62');
    const overlap = msg(
      'compute.rangesOverlap',
      { first: '192.168.20.60', last: '192.168.20.62' },
      'en',
    );
    expect(describedText(services)).toContain(overlap);
    expect(describedText(nodes)).toContain('13 addresses');

    // Overlapping the pod CIDR 172.27.0.0/16.
    type(nodeStart, '172.27.0.5');
    type(nodeEnd, '172.27.0.6');
    const pod = msg('compute.rangeOverlapsPodCidr', { cidr: '172.27.0.0/16' }, 'en');
    expect(describedText(nodes)).toContain(pod);
    expect(screen.getByRole('button', { name: 'Apply' })).toHaveProperty('disabled', true);

    // Switch the language at any time: the same issues, in the device documentation's Japanese.
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ja' } });
    const nodesJa = await screen.findByRole('group', { name: 'Kubernetes ノード IP' });
    expect(describedText(nodesJa)).toContain(
      msg('compute.rangeOverlapsPodCidr', { cidr: '172.27.0.0/16' }, 'ja'),
    );
    expect(screen.getByLabelText('ノード IP 範囲の開始')).toHaveProperty('value', '172.27.0.5');
    expect(document.documentElement.lang).toBe('ja');

    type(screen.getByLabelText('ノード IP 範囲の開始'), '192.168.11.5');
    type(screen.getByLabelText('ノード IP 範囲の終了'), '192.168.20.51');
    expect(describedText(screen.getByLabelText('ノード IP 範囲の開始'))).toContain(
      msg(
        'compute.rangeOutsideSubnet',
        { address: '192.168.11.5', port: 'Port3', subnet: '192.168.20.0/24' },
        'ja',
      ),
    );
    expect(server.callsTo('PUT /api/compute')).toHaveLength(0);
  });

  it('shows the count a valid range gives and the minimum it needs; warnings do not block Apply', async () => {
    await openComputeForm('en');
    typeArticleRanges();
    const nodes = screen.getByRole('group', { name: 'Kubernetes node IPs' });
    expect(describedText(nodes)).toContain('2 addresses · needs at least 2 for 1 node(s)');
    expect(
      describedText(screen.getByRole('group', { name: 'Kubernetes external service IPs' })),
    ).toContain('6 addresses');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Apply' })).toHaveProperty('disabled', false),
    );
  });

  it('shows the server’s 422 issues on the same fields as the inline ones', async () => {
    const { server } = await openComputeForm('en');
    server.on('PUT /api/compute', () => ({
      status: 422,
      body: {
        type: 'about:blank',
        title: 'Invalid',
        status: 422,
        issues: [
          {
            path: 'serviceIpRange.end',
            code: 'compute.rangeIncludesGateway',
            severity: 'error',
            params: { address: '192.168.20.65', port: 'Port3' },
            message: { en: 'Server says: gateway inside.', ja: 'サーバー: ゲートウェイが範囲内。' },
          },
        ],
      },
    }));
    typeArticleRanges();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(describedText(screen.getByLabelText('Service IP range end'))).toContain(
        'Server says: gateway inside.',
      ),
    );
    expect(server.callsTo('PUT /api/compute')[0]?.headers['if-match']).toBe('"7"');
    // Editing the field drops the server's verdict about it; the core's run again.
    type(screen.getByLabelText('Service IP range end'), '192.168.20.64');
    expect(describedText(screen.getByLabelText('Service IP range end'))).not.toContain(
      'Server says',
    );
  });
});
