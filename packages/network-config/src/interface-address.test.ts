import { describe, expect, it } from 'vitest';
import { formatInterfaceAddress } from './interface-address';

describe('formatInterfaceAddress', () => {
  it.each([
    ['192.168.20.10', '255.255.255.0', '192.168.20.10/24'],
    ['10.0.0.23', '255.255.254.0', '10.0.0.23/23'],
    ['10.0.0.1', '255.255.255.255', '10.0.0.1/32'],
    ['10.0.0.1', '0.0.0.0', '10.0.0.1/0'],
  ])('%s with %s → %s', (address, mask, text) => {
    expect(formatInterfaceAddress(address, mask)).toBe(text);
  });

  it.each<[string | null, string]>([
    [null, 'no mask'],
    ['', 'an empty mask'],
    ['255.0.255.0', 'a mask that is not contiguous'],
    ['255.255.255.000', 'a mask with leading zeros'],
    ['24', 'a prefix length instead of a mask'],
  ])('%s (%s) → the bare address', (mask) => {
    expect(formatInterfaceAddress('192.168.20.10', mask)).toBe('192.168.20.10');
  });
});
