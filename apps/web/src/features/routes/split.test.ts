import { addressSortKey } from '@edgenet/network-config';
import { describe, expect, it } from 'vitest';
import { sortRows } from '../../components/VirtualTable';

describe('sorting route columns', () => {
  it('orders prefixes as addresses, not as text', () => {
    const prefixes = [
      '192.168.100.0/24',
      '10.0.0.0/8',
      '192.168.21.0/24',
      '192.168.21.0/25',
      'junk',
    ];
    expect(sortRows(prefixes, addressSortKey, 'ascending')).toEqual([
      '10.0.0.0/8',
      '192.168.21.0/24',
      '192.168.21.0/25',
      '192.168.100.0/24',
      'junk',
    ]);
    expect(sortRows(prefixes, addressSortKey, 'descending')[0]).toBe('junk');
  });

  it('keeps equal keys in their order (stable) and sorts numbers numerically', () => {
    const rows = [
      { id: 'a', metric: 100 },
      { id: 'b', metric: 5 },
      { id: 'c', metric: 100 },
      { id: 'd', metric: 20 },
    ];
    expect(sortRows(rows, (r) => r.metric, 'ascending').map((r) => r.id)).toEqual([
      'b',
      'd',
      'a',
      'c',
    ]);
  });
});
