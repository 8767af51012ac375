import { formatIssue, ROUTE_METRIC_DEFAULT } from '@edgenet/network-config';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { describedText, type, withKioskTableHeight } from '../../test/dom';
import { articleDevice, createFakeServer, manyRoutes } from '../../test/fakeServer';
import { renderApp } from '../../test/render';

function configuredDevice() {
  const device = articleDevice();
  device.compute = {
    ...device.compute,
    computePort: 'Port3',
    nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
    serviceIpRange: { start: '192.168.20.60', end: '192.168.20.65' },
    state: 'Configured',
  };
  return device;
}

withKioskTableHeight();

async function openAddBlade(name: string) {
  const button = await screen.findByRole('button', { name }, { timeout: 10_000 });
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
  return screen.findByRole('dialog', { name });
}

describe('Routes page', () => {
  it('virtualises 10,000 routes: few rows in the DOM, the real count announced, filter as you type', async () => {
    const device = configuredDevice();
    device.routes = manyRoutes(10_000);
    renderApp('/routes', createFakeServer(device));
    const table = await screen.findByRole('table', { name: 'Custom routes' }, { timeout: 10_000 });
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.length).toBeLessThan(60);
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    expect(screen.getByText('Showing 10,000 of 10,000')).toBeTruthy();

    type(screen.getByLabelText('Filter'), '10.3.7.0');
    // The server filters now (ADR 0042): a round trip, slower than 1 s on a loaded machine.
    await screen.findByText('Showing 1 of 10,000', {}, { timeout: 5000 });
    const filtered = within(screen.getByRole('table', { name: 'Custom routes' })).getAllByRole(
      'row',
    );
    expect(filtered).toHaveLength(2);
    expect(within(filtered[1] as HTMLElement).getByText('10.3.7.0')).toBeTruthy();
    expect(within(filtered[1] as HTMLElement).getByText('24')).toBeTruthy();
  });

  it('add: a destination with host bits offers the canonical prefix; the connected-subnet warning does not block', async () => {
    const server = createFakeServer(configuredDevice());
    server.on('POST /api/routes', (call) => ({
      status: 201,
      body: {
        ...(call.body as object),
        status: { active: true, reason: null },
        issues: [
          {
            path: 'destinationPrefix',
            code: 'route.destinationConnected',
            severity: 'warning',
            params: {
              destination: '192.168.20.0/24',
              interfaceAlias: 'Port3',
              subnet: '192.168.20.0/24',
            },
            message: { en: 'Redundant route (server).', ja: '冗長なルート (サーバー)。' },
          },
        ],
        revision: 8,
      },
    }));
    renderApp('/routes', server);
    const dialog = await openAddBlade('Add route');
    const destination = within(dialog).getByLabelText('Destination');
    // Typing the whole prefix splits it between the destination and prefix length fields.
    type(destination, '192.168.20.5/24');
    expect(within(dialog).getByLabelText('Prefix length')).toHaveProperty('value', '24');
    type(within(dialog).getByLabelText('Next hop'), '192.168.20.1');
    type(within(dialog).getByLabelText('Metric'), '100');

    const hostBits = formatIssue(
      {
        code: 'prefix.hostBits',
        params: { value: '192.168.20.5/24', canonical: '192.168.20.0/24' },
      },
      'en',
    );
    expect(describedText(destination)).toContain(hostBits);
    expect(destination.getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Use 192.168.20.0/24' }));
    expect(destination).toHaveProperty('value', '192.168.20.0');
    const connected = formatIssue(
      {
        code: 'route.destinationConnected',
        params: {
          destination: '192.168.20.0/24',
          interfaceAlias: 'Port3',
          subnet: '192.168.20.0/24',
        },
      },
      'en',
    );
    expect(describedText(destination)).toContain(connected);
    expect(destination.getAttribute('aria-invalid')).toBeNull();
    expect(
      within(dialog).getByText(
        /Add-HcsNetRoute -InterfaceAlias "Port3" -DestinationPrefix "192.168.20.0\/24" -NextHop "192.168.20.1" -RouteMetric 100/,
      ),
    ).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await screen.findByText('Route to 192.168.20.0/24 on Port3 added.');
    expect(screen.getByText('Redundant route (server).')).toBeTruthy();
    const post = server.callsTo('POST /api/routes')[0];
    expect(post?.body).toEqual({
      interfaceAlias: 'Port3',
      destinationPrefix: '192.168.20.0/24',
      nextHop: '192.168.20.1',
      routeMetric: 100,
    });
    expect(post?.headers['if-match']).toBe('"7"');
    // Not opted in: an ordinary change.
    expect(post?.headers['edgenet-confirm']).toBeUndefined();
  });

  it('add: "Revert automatically unless I confirm" makes the route a tentative change (SPEC §7.2)', async () => {
    const server = createFakeServer(configuredDevice());
    server.on('POST /api/routes', (call) => ({
      status: 201,
      body: {
        // The stored route: the server fills in the default metric when none was sent.
        routeMetric: ROUTE_METRIC_DEFAULT,
        ...(call.body as object),
        status: { active: true, reason: null },
        issues: [],
        revision: 8,
      },
    }));
    renderApp('/routes', server);
    const dialog = await openAddBlade('Add route');
    type(within(dialog).getByLabelText('Destination'), '192.168.21.0/24');
    type(within(dialog).getByLabelText('Next hop'), '192.168.20.1');
    const optIn = within(dialog).getByRole('checkbox', {
      name: 'Revert automatically unless I confirm',
    });
    fireEvent.click(optIn);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await screen.findByText('Route to 192.168.21.0/24 on Port3 added.');
    const post = server.callsTo('POST /api/routes')[0];
    expect(post?.headers['edgenet-confirm']).toBe('required');
  });

  it('shows the same messages in Japanese', async () => {
    renderApp('/routes', createFakeServer(configuredDevice()), 'ja');
    const dialog = await openAddBlade('ルートの追加');
    const destination = within(dialog).getByLabelText('宛先');
    type(destination, '192.168.20.5');
    type(within(dialog).getByLabelText('プレフィックス長'), '24');
    expect(describedText(destination)).toContain(
      formatIssue(
        {
          code: 'prefix.hostBits',
          params: { value: '192.168.20.5/24', canonical: '192.168.20.0/24' },
        },
        'ja',
      ),
    );
    expect(within(dialog).getByRole('button', { name: '192.168.20.0/24 を使用' })).toBeTruthy();
    type(within(dialog).getByLabelText('次ホップ'), '192.168.30.1');
    await waitFor(() =>
      expect(describedText(within(dialog).getByLabelText('次ホップ'))).toContain(
        formatIssue(
          {
            code: 'route.nextHopOutsideSubnet',
            params: { nextHop: '192.168.30.1', interfaceAlias: 'Port3', subnet: '192.168.20.0/24' },
          },
          'ja',
        ),
      ),
    );
  });
});
