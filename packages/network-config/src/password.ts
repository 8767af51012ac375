/**
 * The device's password rule (doc): 8–16 characters using at least three of upper case, lower
 * case, digits and special characters.
 */
import { type Issue, issue } from './issues';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 16;
export const PASSWORD_REQUIRED_CLASSES = 3;
/** The factory password, which must be changed at first sign-in (doc). */
export const INITIAL_PASSWORD = 'Password1';

export interface PasswordClasses {
  upper: boolean;
  lower: boolean;
  digit: boolean;
  special: boolean;
}

export function passwordClasses(password: string): PasswordClasses {
  return {
    upper: /\p{Lu}/u.test(password),
    lower: /\p{Ll}/u.test(password),
    digit: /\p{Nd}/u.test(password),
    special: /[^\p{L}\p{Nd}]/u.test(password),
  };
}

/** Issues on `newPassword`; pass the current one to refuse an unchanged password. */
export function validatePassword(newPassword: string, currentPassword?: string): Issue[] {
  const issues: Issue[] = [];
  const length = [...String(newPassword)].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    issues.push(
      issue('newPassword', 'password.length', {
        min: PASSWORD_MIN_LENGTH,
        max: PASSWORD_MAX_LENGTH,
      }),
    );
  }
  const used = Object.values(passwordClasses(String(newPassword))).filter(Boolean).length;
  if (used < PASSWORD_REQUIRED_CLASSES) {
    issues.push(
      issue('newPassword', 'password.classes', { required: PASSWORD_REQUIRED_CLASSES, used }),
    );
  }
  if (currentPassword !== undefined && newPassword === currentPassword) {
    issues.push(issue('newPassword', 'password.unchanged'));
  }
  return issues;
}
