import { describe, expect, it } from 'vitest';
import { formatKubectlTable, formatList, formatTable, formatValue, wrap } from './format';

describe('formatValue', () => {
  it('shows values as PowerShell does', () => {
    expect(formatValue(true)).toBe('True');
    expect(formatValue(false)).toBe('False');
    expect(formatValue(null)).toBe('');
    expect(formatValue(['Port3', 'Port4'])).toBe('{Port3, Port4}');
    expect(formatValue(256)).toBe('256');
  });
});

describe('formatTable', () => {
  const rows = [
    { Name: 'Port3', Metric: 100, Active: true },
    { Name: 'Port10', Metric: 5, Active: false },
  ];
  const columns = [
    { property: 'Name' },
    { property: 'Metric', align: 'right' as const },
    { property: 'Active' },
  ];

  it('underlines each header with dashes as long as the header, and right-aligns numbers', () => {
    expect(formatTable(rows, columns)).toBe(
      [
        '',
        'Name   Metric Active',
        '----   ------ ------',
        'Port3     100 True',
        'Port10      5 False',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for no rows, as PowerShell does', () => {
    expect(formatTable([], columns)).toBe('');
  });

  it('cuts the last column to the console width with ...', () => {
    const out = formatTable(
      [{ A: 'x', Reason: 'a very long reason that does not fit into the console' }],
      [{ property: 'A' }, { property: 'Reason' }],
      30,
    );
    // One column short of the width, so the console does not wrap the line.
    expect(out.split('\n')[3]).toBe('x a very long reason that ...');
  });
});

describe('formatList', () => {
  it('aligns the colons', () => {
    expect(formatList([{ PodSubnet: '172.27.0.0/16', ComputeState: 'Configured' }])).toBe(
      '\nPodSubnet    : 172.27.0.0/16\nComputeState : Configured\n\n',
    );
  });

  it('separates objects with a blank line', () => {
    expect(formatList([{ A: 1 }, { A: 2 }])).toBe('\nA : 1\n\nA : 2\n\n');
  });
});

describe('formatKubectlTable', () => {
  it('prints upper-case headers three spaces apart, and <none> for nothing', () => {
    expect(
      formatKubectlTable(
        [{ name: 'kube-dns', ip: null }],
        [
          { property: 'name', label: 'NAME' },
          { property: 'ip', label: 'EXTERNAL-IP' },
        ],
      ),
    ).toBe('NAME       EXTERNAL-IP\nkube-dns   <none>\n');
  });
});

describe('wrap', () => {
  it('wraps words to the width, indented', () => {
    expect(wrap('one two three four five six', 24, 4)).toBe('    one two three four\n    five six');
  });
});
