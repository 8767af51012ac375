import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { articleDevice } from '../test/article';
import { labDevice } from '../test/helpers';
import { EXPORT_FORMATS, type ExportFormat, exportConfiguration } from './index';

const META = { revision: 12, time: '2026-12-01T09:30:00.000Z' };
const EXTENSIONS: Record<ExportFormat, string> = {
  ps1: 'ps1',
  metallb: 'metallb.yaml',
  calico: 'calico.yaml',
  iproute2: 'ip',
  json: 'json',
};

describe('export: golden files (`vitest -u` rewrites them after a deliberate change)', () => {
  it.each([...EXPORT_FORMATS])('%s matches its golden file', async (format) => {
    const file = exportConfiguration(articleDevice(), format, META);
    await expect(file.text).toMatchFileSnapshot(
      `../test/golden/article.${EXTENSIONS[format]}.golden`,
    );
  });
});

describe('export: what the tools read', () => {
  it('metallb: an IPAddressPool of the service range and an L2Advertisement naming it', () => {
    const docs = parseAllDocuments(exportConfiguration(articleDevice(), 'metallb', META).text).map(
      (d) => d.toJS(),
    );
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatchObject({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'IPAddressPool',
      metadata: { namespace: 'metallb-system' },
      spec: { addresses: ['192.168.20.60-192.168.20.61'] },
    });
    expect(docs[1]).toMatchObject({
      apiVersion: 'metallb.io/v1beta1',
      kind: 'L2Advertisement',
      metadata: { namespace: 'metallb-system' },
      spec: { ipAddressPools: [docs[0].metadata.name] },
    });
  });

  it('calico: an IPPool of the pod CIDR', () => {
    expect(parse(exportConfiguration(articleDevice(), 'calico', META).text)).toMatchObject({
      apiVersion: 'projectcalico.org/v3',
      kind: 'IPPool',
      spec: { cidr: '10.96.0.0/16', natOutgoing: true, nodeSelector: 'all()', blockSize: 26 },
    });
  });

  it('ps1: no Set-HcsKubeClusterNetworkInfo when the CIDRs are the defaults', () => {
    const device = labDevice('Configured');
    const text = exportConfiguration(device, 'ps1', META).text;
    expect(text).not.toMatch(/Set-HcsKubeClusterNetworkInfo/);
  });

  it('a device name cannot break out of a comment line', () => {
    const device = { ...articleDevice(), name: 'evil\nRemove-HcsNetRoute -InterfaceAlias Port3' };
    const text = exportConfiguration(device, 'ps1', META).text;
    expect(text.split('\n').filter((l) => l.startsWith('Remove'))).toEqual([]);
  });

  it('iproute2: nothing installed before compute is enabled, and it says so', () => {
    const device = {
      ...articleDevice(),
      compute: { ...articleDevice().compute, computePort: null },
    };
    const text = exportConfiguration(device, 'iproute2', META).text;
    expect(text).not.toMatch(/^route /m);
    expect(text).toMatch(/Compute is not enabled/);
  });

  it('json: the whole document', () => {
    const device = articleDevice();
    expect(JSON.parse(exportConfiguration(device, 'json', META).text)).toEqual(device);
  });
});
