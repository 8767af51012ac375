import {
  type ImportFormat,
  type ImportMode,
  localizeIssues,
  parseImportText,
  planImport,
} from '@edgenet/network-config';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type } from '../../test/dom';
import { articleDevice, createFakeServer, type FakeServer } from '../../test/fakeServer';
import { renderApp } from '../../test/render';

/** POST /api/import answered with the core's readers and planner, as the server answers it. */
function serverWithImport(): FakeServer {
  const server = createFakeServer(articleDevice());
  server.on('POST /api/import', (call) => {
    const body = call.body as {
      format: ImportFormat;
      text: string;
      mode: ImportMode;
      dryRun: boolean;
    };
    const lines = parseImportText(body.format as Exclude<ImportFormat, 'ps1'>, body.text, null);
    const plan = planImport(server.state.device, lines, body.mode);
    let applied = false;
    if (!body.dryRun) {
      server.state.device = plan.device;
      server.state.revision += 1;
      applied = true;
    }
    return {
      status: 200,
      body: {
        format: body.format,
        mode: body.mode,
        dryRun: body.dryRun,
        applied,
        rows: plan.rows.map((r) => ({ ...r, issues: localizeIssues(r.issues) })),
        counts: plan.counts,
        revision: server.state.revision,
      },
    };
  });
  return server;
}

async function openImport(locale: 'en' | 'ja', server: FakeServer) {
  renderApp('/routes', server, locale);
  const name = locale === 'en' ? 'Import' : 'インポート';
  const button = await screen.findByRole('button', { name }, { timeout: 10_000 });
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
  return screen.findByRole('dialog', {
    name: locale === 'en' ? 'Import routes' : 'ルートのインポート',
  });
}

describe('Import blade', () => {
  it('preview → a line’s problem with its number → fix → preview again → Apply once', async () => {
    const server = serverWithImport();
    const blade = await openImport('en', server);
    fireEvent.change(within(blade).getByLabelText('Format'), { target: { value: 'csv' } });
    const text = within(blade).getByLabelText('Text to import');
    type(text, 'Port3,10.1.0.0/16,192.168.20.1,5\nPort3,10.2.0.5/16,192.168.20.1,5');
    const apply = within(blade).getByRole('button', { name: 'Apply' });
    fireEvent.click(within(blade).getByRole('button', { name: 'Preview' }));
    const table = await within(blade).findByRole('table', { name: 'Import preview' });
    expect(table.textContent).toContain(
      'Line 2: 10.2.0.5/16 has host bits set. Did you mean 10.2.0.0/16?',
    );
    expect(apply).toHaveProperty('disabled', true);

    type(text, 'Port3,10.1.0.0/16,192.168.20.1,5\nPort3,10.2.0.0/16,192.168.20.1,5');
    await within(blade).findByText(
      'The text or settings changed since the preview: preview again before applying.',
    );
    expect(apply).toHaveProperty('disabled', true);
    fireEvent.click(within(blade).getByRole('button', { name: 'Preview' }));
    await within(blade).findByText(
      '2 to add, 0 to change, 0 to remove, 0 unchanged — 0 error(s), 0 warning(s)',
    );
    await waitFor(() => expect(apply).toHaveProperty('disabled', false));
    fireEvent.click(apply);
    await screen.findByText('Imported: 2 added, 0 changed, 0 removed (revision 8).');
    const applies = server
      .callsTo('POST /api/import')
      .filter((c) => !(c.body as { dryRun: boolean }).dryRun);
    expect(applies).toHaveLength(1);
    expect(applies[0]?.headers['if-match']).toBe('"7"');
    expect(server.state.device.routes.map((r) => r.destinationPrefix)).toEqual([
      '10.1.0.0/16',
      '10.2.0.0/16',
    ]);
  });

  it('shows the preview in Japanese', async () => {
    const blade = await openImport('ja', serverWithImport());
    fireEvent.change(within(blade).getByLabelText('形式'), { target: { value: 'csv' } });
    type(within(blade).getByLabelText('インポートするテキスト'), 'Port3,10.2.0.5/16,192.168.20.1');
    fireEvent.click(within(blade).getByRole('button', { name: 'プレビュー' }));
    const table = await within(blade).findByRole('table', { name: 'インポートのプレビュー' });
    expect(table.textContent).toContain('1 行目: 10.2.0.5/16 にはホスト部のビットが含まれています');
  });
});
