import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixtures from '../test/fixtures/passwords.json';
import { assertWellFormed } from '../test/helpers';
import {
  INITIAL_PASSWORD,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_REQUIRED_CLASSES,
  passwordClasses,
  validatePassword,
} from './password';

describe('validatePassword (fixtures)', () => {
  it.each(fixtures.cases)('$password → $codes', (row) => {
    const issues = validatePassword(row.password, row.current ?? undefined);
    expect(issues.map((i) => i.code).sort()).toEqual([...row.codes].sort());
    for (const i of issues) expect(i.path).toBe('newPassword');
  });
});

describe('the device rule (doc)', () => {
  it('8–16 characters using three of: upper case, lower case, digits, special characters', () => {
    expect([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_REQUIRED_CLASSES]).toEqual([
      8, 16, 3,
    ]);
    expect(validatePassword('Abcdefg1')).toEqual([]);
    expect(validatePassword('Abcdef1')).toEqual([
      {
        path: 'newPassword',
        code: 'password.length',
        severity: 'error',
        params: { min: 8, max: 16 },
      },
    ]);
    expect(validatePassword('abcdefgh1')).toEqual([
      {
        path: 'newPassword',
        code: 'password.classes',
        severity: 'error',
        params: { required: 3, used: 2 },
      },
    ]);
  });

  it('the factory password Password1 must be changed at first sign-in', () => {
    expect(INITIAL_PASSWORD).toBe('Password1');
    expect(validatePassword(INITIAL_PASSWORD, INITIAL_PASSWORD).map((i) => i.code)).toEqual([
      'password.unchanged',
    ]);
  });

  it('passwordClasses tells the four classes apart', () => {
    expect(passwordClasses('aB3!')).toEqual({
      upper: true,
      lower: true,
      digit: true,
      special: true,
    });
    expect(passwordClasses('abc')).toEqual({
      upper: false,
      lower: true,
      digit: false,
      special: false,
    });
    expect(passwordClasses(' ')).toEqual({
      upper: false,
      lower: false,
      digit: false,
      special: true,
    });
  });

  it('never throws, and its verdict matches a simple count (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 24 }),
        fc.option(fc.string(), { nil: undefined }),
        (password, current) => {
          const issues = validatePassword(password, current);
          for (const i of issues) assertWellFormed(i);
          const length = [...password].length;
          expect(issues.some((i) => i.code === 'password.length')).toBe(length < 8 || length > 16);
          expect(issues.some((i) => i.code === 'password.unchanged')).toBe(password === current);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
