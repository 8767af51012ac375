import { formatIssue } from '@edgenet/network-config';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { describedText, type } from '../../test/dom';
import { createFakeServer } from '../../test/fakeServer';
import { renderApp } from '../../test/render';

describe('Network page', () => {
  it('a port blade: the core’s port rules while typing, MTU only where the SKU allows, Apply with If-Match', async () => {
    const server = createFakeServer();
    server.on('PUT /api/ports/Port3', (call) => ({
      status: 200,
      // The port as the server answers it: its document with the new settings applied.
      body: {
        ...server.state.device.ports.find((p) => p.name === 'Port3'),
        ...(call.body as object),
        mtuConfigurable: true,
        compute: false,
        issues: [],
        revision: 8,
      },
    }));
    renderApp('/network', server);
    const configure = await screen.findByRole(
      'button',
      { name: 'Configure Port3' },
      { timeout: 10_000 },
    );
    configure.focus(); // a real click focuses the button
    fireEvent.click(configure);
    const blade = await screen.findByRole('dialog', { name: 'Port3 settings' });
    expect(within(blade).getByLabelText('MTU')).toBeTruthy();
    const gateway = within(blade).getByLabelText('Gateway');
    expect(gateway.getAttribute('inputmode')).toBe('decimal');
    expect(gateway.getAttribute('autocomplete')).toBe('off');
    type(gateway, '192.168.21.1');
    expect(describedText(gateway)).toContain(
      formatIssue(
        {
          code: 'port.gatewayOutsideSubnet',
          params: { gateway: '192.168.21.1', port: 'Port3', subnet: '192.168.20.0/24' },
        },
        'en',
      ),
    );
    expect(within(blade).getByRole('button', { name: 'Apply' })).toHaveProperty('disabled', true);
    type(gateway, '192.168.20.1');
    await waitFor(() =>
      expect(within(blade).getByRole('button', { name: 'Apply' })).toHaveProperty(
        'disabled',
        false,
      ),
    );
    fireEvent.click(within(blade).getByRole('button', { name: 'Apply' }));
    await screen.findByText('The settings of Port3 were applied.');
    const put = server.callsTo('PUT /api/ports/Port3')[0];
    expect(put?.headers['if-match']).toBe('"7"');
    expect(put?.body).toMatchObject({
      dhcp: false,
      address: '192.168.20.10',
      gateway: '192.168.20.1',
      mtu: 1500,
    });
    // Focus returns to the control that opened the blade.
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Configure Port3'),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Configure Port5' }));
    const blade5 = await screen.findByRole('dialog', { name: 'Port5 settings' });
    expect(within(blade5).queryByLabelText('MTU')).toBeNull();
    expect(
      within(blade5).getByText('The MTU of this port cannot be changed on this model.'),
    ).toBeTruthy();
    fireEvent.keyDown(blade5, { key: 'Escape' });
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Port5 settings' })).toBeNull(),
    );
  });
});
