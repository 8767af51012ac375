import { checkRouteBatch, type RouteBatch } from '@edgenet/network-config';
import { fakeProblem } from '@edgenet/network-config/contract/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type, withKioskTableHeight } from '../../test/dom';
import { articleDevice, createFakeServer, type FakeServer } from '../../test/fakeServer';
import { renderApp } from '../../test/render';

/** The fake server answers POST /api/routes/batch with the core's own check, as the server does. */
function serverWithRoutes(): FakeServer {
  const device = articleDevice();
  device.routes = ['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16'].map((destinationPrefix) => ({
    interfaceAlias: 'Port3',
    destinationPrefix,
    nextHop: '192.168.20.1',
    routeMetric: 100,
  }));
  const server = createFakeServer(device);
  server.on('POST /api/routes/batch', (call) => {
    if (call.headers['if-match'] !== `"${server.state.revision}"`) {
      return {
        status: 412,
        body: fakeProblem(412, 'revision.stale', 'The configuration changed.'),
      };
    }
    const result = checkRouteBatch(server.state.device, call.body as RouteBatch);
    server.state.device = result.device;
    server.state.revision += 1;
    return {
      status: 200,
      body: {
        removed: result.removed.length,
        changed: [],
        issues: [],
        revision: server.state.revision,
      },
    };
  });
  return server;
}

withKioskTableHeight();

describe('Routes page: bulk changes, one revision each', () => {
  it('removes the selected routes in one change', async () => {
    const server = serverWithRoutes();
    renderApp('/routes', server);
    const first = await screen.findByRole(
      'checkbox',
      { name: 'Select the route to 10.1.0.0/16 on Port3' },
      { timeout: 10_000 },
    );
    fireEvent.click(first);
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Select the route to 10.3.0.0/16 on Port3' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove selected (2)' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove 2 route(s)?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await screen.findByText('2 route(s) removed.');
    const [call] = server.callsTo('POST /api/routes/batch');
    expect(call?.headers['if-match']).toBe('"7"');
    expect(call?.body).toEqual({
      removals: [
        { interfaceAlias: 'Port3', destinationPrefix: '10.1.0.0/16' },
        { interfaceAlias: 'Port3', destinationPrefix: '10.3.0.0/16' },
      ],
      changes: [],
    });
    expect(server.state.device.routes.map((r) => r.destinationPrefix)).toEqual(['10.2.0.0/16']);
    await screen.findByText('Showing 1 of 1');
  });

  it('changes a metric in place; a metric out of range is refused with the core’s message', async () => {
    const server = serverWithRoutes();
    renderApp('/routes', server);
    const edit = await screen.findByRole(
      'button',
      { name: 'Change the metric of the route to 10.2.0.0/16 on Port3' },
      { timeout: 10_000 },
    );
    fireEvent.click(edit);
    const field = screen.getByRole('textbox', {
      name: 'Metric of the route to 10.2.0.0/16 on Port3',
    });
    type(field, '70000');
    fireEvent.keyDown(field, { key: 'Enter' });
    await screen.findByText('Route metric "70000" must be a whole number from 0 to 65535.');
    expect(server.callsTo('POST /api/routes/batch')).toHaveLength(0);

    type(field, '42');
    fireEvent.keyDown(field, { key: 'Enter' });
    await screen.findByText('The metric of the route to 10.2.0.0/16 is now 42.');
    expect(server.callsTo('POST /api/routes/batch')[0]?.body).toEqual({
      removals: [],
      changes: [{ interfaceAlias: 'Port3', destinationPrefix: '10.2.0.0/16', routeMetric: 42 }],
    });
    await waitFor(() =>
      expect(
        server.state.device.routes.find((r) => r.destinationPrefix === '10.2.0.0/16')?.routeMetric,
      ).toBe(42),
    );
  });
});
