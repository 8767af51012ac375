import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type, withKioskTableHeight } from '../../test/dom';
import { articleDevice, createFakeServer, manyRoutes } from '../../test/fakeServer';
import { renderApp } from '../../test/render';

withKioskTableHeight();

const firstCells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('[data-column="destination"]')?.textContent);

describe('Routes page: the server pages, filters and sorts the list (ADR 0042)', () => {
  it('asks for the rows in view, sorts by a header on the server, keeps a selection across filters', async () => {
    const device = articleDevice();
    device.routes = manyRoutes(1000);
    const server = createFakeServer(device);
    renderApp('/routes', server);
    const table = await screen.findByRole('table', { name: 'Custom routes' }, { timeout: 10_000 });
    expect(table.getAttribute('aria-rowcount')).toBe('1001');
    expect(screen.getByText('Showing 1,000 of 1,000')).toBeTruthy();
    // Only a page was asked for, never the whole list.
    const asked = () => server.callsTo('GET /api/routes').map((c) => c.search);
    expect(asked().every((s) => Number(s.get('limit')) <= 100)).toBe(true);

    // Metric descending: 106 first (the 7th route), its rows numbered from 2.
    const metric = screen.getByRole('columnheader', { name: 'Metric' });
    fireEvent.click(within(metric).getByRole('button'));
    expect(metric.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(metric).getByRole('button'));
    expect(metric.getAttribute('aria-sort')).toBe('descending');
    await waitFor(() => expect(firstCells(table)[0]).toBe('10.0.6.0'), { timeout: 5000 });
    expect(asked().at(-1)?.toString()).toBe('sort=metric&dir=desc&offset=0&limit=100');
    expect(within(table).getAllByRole('row')[1]?.getAttribute('aria-rowindex')).toBe('2');

    // A ticked route stays ticked when the filter hides it, and counts in "Remove selected".
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Select the route to 10.0.6.0/24 on Port3' }),
    );
    type(screen.getByLabelText('Filter'), ' 10.0.9.0 ');
    await screen.findByText('Showing 1 of 1,000', {}, { timeout: 5000 });
    expect(firstCells(table)).toEqual(['10.0.9.0']);
    // Trimmed, as the filter compares.
    expect(
      asked()
        .filter((q) => q.has('q'))
        .at(-1)
        ?.get('q'),
    ).toBe('10.0.9.0');
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Select the route to 10.0.9.0/24 on Port3' }),
    );
    expect(screen.getByRole('button', { name: 'Remove selected (2)' })).toBeTruthy();
    type(screen.getByLabelText('Filter'), 'no such route');
    await screen.findByText('No route matches the filter', {}, { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Remove selected (2)' })).toBeTruthy();
  });

  it('a ticked route removed by its own button leaves the selection', async () => {
    const device = articleDevice();
    device.routes = manyRoutes(3);
    const server = createFakeServer(device);
    server.on('DELETE /api/routes', (call) => {
      const prefix = call.search.get('destinationPrefix');
      server.state.device.routes = server.state.device.routes.filter(
        (r) => r.destinationPrefix !== prefix,
      );
      server.state.revision += 1;
      return { status: 204 };
    });
    renderApp('/routes', server);
    const tick = (destination: string) =>
      fireEvent.click(
        screen.getByRole('checkbox', { name: `Select the route to ${destination} on Port3` }),
      );
    await screen.findByText('Showing 3 of 3', {}, { timeout: 10_000 });
    tick('10.0.0.0/24');
    tick('10.0.1.0/24');
    fireEvent.click(
      screen.getByRole('button', { name: 'Remove the route to 10.0.1.0/24 on Port3' }),
    );
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await screen.findByText('Showing 2 of 2', {}, { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Remove selected (1)' })).toBeTruthy();
  });
});
