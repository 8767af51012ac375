import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { typeArticleRanges } from '../../test/article';
import { createFakeServer } from '../../test/fakeServer';
import { renderApp } from '../../test/render';

describe('412: someone else changed the configuration', () => {
  it('keeps what was typed, reloads on request and applies on the new revision, then follows the job', async () => {
    const server = createFakeServer();
    let puts = 0;
    server.on('PUT /api/compute', (call) => {
      puts += 1;
      if (call.headers['if-match'] !== `"${server.state.revision}"`) {
        return {
          status: 412,
          body: {
            type: 'about:blank',
            title: 'Precondition Failed',
            status: 412,
            code: 'revision.stale',
            message: { en: 'The configuration changed.', ja: '構成が変更されました。' },
          },
        };
      }
      return {
        status: 202,
        body: {
          compute: {
            ...server.state.device.compute,
            state: 'Configuring',
            error: null,
            jobId: 'job-1',
            revision: 9,
          },
          job: {
            id: 'job-1',
            kind: 'compute.apply',
            state: 'running',
            progress: 0,
            steps: [],
            error: null,
            startedAt: new Date().toISOString(),
            finishedAt: null,
          },
          issues: [],
        },
      };
    });
    server.on('GET /api/jobs/job-1', () => ({
      status: 200,
      body: {
        id: 'job-1',
        kind: 'compute.apply',
        state: 'succeeded',
        progress: 100,
        steps: [
          {
            name: 'createExternalSwitch',
            state: 'succeeded',
            label: {
              en: 'Create the external virtual switch vswitch-Port3',
              ja: '外部仮想スイッチ vswitch-Port3 を作成',
            },
          },
          { name: 'installCalico', state: 'succeeded' },
        ],
        error: null,
        startedAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
      },
    }));
    renderApp('/compute', server);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Enable Port3 for compute' }, { timeout: 10_000 }),
    );
    typeArticleRanges();

    // Another admin applies a change meanwhile: the revision moves on.
    server.state.revision = 8;
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Apply' })).toHaveProperty('disabled', false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    const alert = await screen.findByText('Someone else changed the configuration');
    expect(alert).toBeTruthy();
    expect(server.callsTo('PUT /api/compute')[0]?.headers['if-match']).toBe('"7"');
    // Nothing typed is lost.
    expect(screen.getByLabelText('Node IP range start')).toHaveProperty('value', '192.168.20.50');
    expect(screen.getByLabelText('Service IP range end')).toHaveProperty('value', '192.168.20.65');
    expect(screen.getByRole('button', { name: 'Apply' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Reload the latest configuration' }));
    await screen.findByText(/The latest configuration is loaded and your values are kept/);
    expect(screen.getByLabelText('Node IP range start')).toHaveProperty('value', '192.168.20.50');
    expect(screen.getByLabelText('Node IP range end')).toHaveProperty('value', '192.168.20.51');
    expect(screen.getByLabelText('Service IP range start')).toHaveProperty(
      'value',
      '192.168.20.60',
    );

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Apply' })).toHaveProperty('disabled', false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByRole('progressbar', { name: 'Applying compute settings' });
    const second = server.callsTo('PUT /api/compute')[1];
    expect(second?.headers['if-match']).toBe('"8"');
    expect(second?.body).toEqual({
      computePort: 'Port3',
      nodeIpRange: { start: '192.168.20.50', end: '192.168.20.51' },
      serviceIpRange: { start: '192.168.20.60', end: '192.168.20.65' },
      podCidr: '172.27.0.0/16',
      serviceCidr: '172.28.0.0/16',
    });
    expect(puts).toBe(2);
    // The progress panel follows the job to its end, with the server's step labels.
    await screen.findByText('Create the external virtual switch vswitch-Port3');
    await screen.findByText('Install Calico');
    await screen.findByText('Compute is configured.');
  });
});
