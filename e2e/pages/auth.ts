/** Sign in, and the forced change of the initial password. */
import { expect, type Locator } from '@playwright/test';
import type { Ui } from './ui';

export class SignInPage {
  constructor(readonly ui: Ui) {}

  get heading(): Locator {
    return this.ui.page.getByRole('heading', { level: 1, name: this.ui.t('signIn.title') });
  }

  get password(): Locator {
    return this.ui.page.getByLabel(this.ui.t('signIn.password'), { exact: true });
  }

  get submit(): Locator {
    return this.ui.page.getByRole('button', { name: this.ui.t('signIn.submit'), exact: true });
  }

  async goto(): Promise<void> {
    await this.ui.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  async signIn(password: string): Promise<void> {
    await this.ui.type(this.password, password);
    await this.ui.press(this.submit);
  }
}

export class ChangePasswordPage {
  constructor(readonly ui: Ui) {}

  get heading(): Locator {
    return this.ui.page.getByRole('heading', { level: 1, name: this.ui.t('password.title') });
  }

  get newPassword(): Locator {
    return this.ui.page.getByLabel(this.ui.t('password.new'), { exact: true });
  }

  get confirm(): Locator {
    return this.ui.page.getByLabel(this.ui.t('password.confirm'), { exact: true });
  }

  get submit(): Locator {
    return this.ui.page.getByRole('button', { name: this.ui.t('password.submit'), exact: true });
  }

  /** The live checklist of the password rules. */
  get rules(): Locator {
    return this.ui.page.getByRole('list', { name: this.ui.t('password.rules') });
  }

  async change(password: string, confirmation = password): Promise<void> {
    await this.ui.type(this.newPassword, password);
    await this.ui.type(this.confirm, confirmation);
    await this.ui.press(this.submit);
  }
}
