/**
 * The documentation's own example (issue 11 item 9, SPEC §8): `Set-HcsKubeClusterNetworkInfo
 * -PodSubnet 10.96.0.1/16 -ServiceSubnet 10.97.0.1/16` has host bits set; the device's cmdlet takes
 * it as the networks 10.96.0.0/16 and 10.97.0.0/16 and says so, and `Get-HcsKubeClusterNetworkInfo`
 * prints the documented table `Id PodSubnet ServiceSubnet`. Run by the real server's console.
 */
import { describe, expect, it } from 'vitest';
import { appPerSuite } from './helpers';

describe('Set-/Get-HcsKubeClusterNetworkInfo, as documented', () => {
  const { c } = appPerSuite();

  const run = (line: string, locale?: 'en' | 'ja') =>
    c.post('/api/console', { line, locale, width: 120 });

  it('takes 10.96.0.1/16 as the network 10.96.0.0/16, with a warning saying so', async () => {
    const set = await run(
      'Set-HcsKubeClusterNetworkInfo -PodSubnet 10.96.0.1/16 -ServiceSubnet 10.97.0.1/16',
    );
    expect(set.body).toMatchObject({ error: false, exitCode: 0 });
    expect(set.body.output).toContain(
      'WARNING: 10.96.0.1/16 has host bits set; it is taken as the network 10.96.0.0/16.',
    );
    expect(set.body.output).toContain('10.97.0.0/16');
    const compute = await c.get('/api/compute');
    expect(compute.body).toMatchObject({ podCidr: '10.96.0.0/16', serviceCidr: '10.97.0.0/16' });

    const ja = await run(
      'Set-HcsKubeClusterNetworkInfo -PodSubnet 10.96.0.5/16 -ServiceSubnet 10.97.0.0/16',
      'ja',
    );
    expect(ja.body.output).toContain('ネットワーク 10.96.0.0/16 として扱います');
  });

  it('Get-HcsKubeClusterNetworkInfo prints the table Id PodSubnet ServiceSubnet', async () => {
    const get = await run('Get-HcsKubeClusterNetworkInfo');
    const lines = (get.body.output as string).split('\n').filter((l) => l.trim() !== '');
    expect(lines[0]).toMatch(/^Id\s+PodSubnet\s+ServiceSubnet\s*$/);
    expect(lines[1]).toMatch(/^--\s+---------\s+-------------\s*$/);
    expect(lines[2]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s+10\.96\.0\.0\/16\s+10\.97\.0\.0\/16\s*$/,
    );
  });

  it('a CIDR that is not a prefix at all is still refused', async () => {
    const set = await run(
      'Set-HcsKubeClusterNetworkInfo -PodSubnet 10.96.0.1 -ServiceSubnet 10.97.0.0/16',
    );
    expect(set.body.error).toBe(true);
  });
});
