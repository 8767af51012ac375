/** The Network page: the ports table and the blade that changes one port. */
import { expect, type Locator } from '@playwright/test';
import type { Ui } from './ui';

export interface StaticSettings {
  address: string;
  subnetMask: string;
  gateway?: string;
}

export class NetworkPage {
  constructor(readonly ui: Ui) {}

  get table(): Locator {
    return this.ui.page.getByRole('table', { name: this.ui.t('network.ports') });
  }

  configureButton(port: string): Locator {
    return this.ui.page.getByRole('button', { name: this.ui.t('network.configurePort', { port }) });
  }

  /** The table row of a port (found by its own Configure button). */
  row(port: string): Locator {
    return this.table.getByRole('row').filter({ has: this.configureButton(port) });
  }

  async configure(port: string): Promise<PortBlade> {
    await this.ui.press(this.configureButton(port));
    const blade = new PortBlade(this.ui, port);
    await expect(blade.dialog).toBeVisible();
    return blade;
  }
}

export class PortBlade {
  constructor(
    readonly ui: Ui,
    readonly port: string,
  ) {}

  get dialog(): Locator {
    return this.ui.page.getByRole('dialog', {
      name: this.ui.t('network.bladeTitle', { port: this.port }),
    });
  }

  get staticMode(): Locator {
    return this.dialog.getByRole('radio', { name: this.ui.t('network.static'), exact: true });
  }

  field(key: 'network.address' | 'network.subnetMask' | 'network.gateway'): Locator {
    return this.dialog.getByRole('textbox', { name: this.ui.t(key), exact: true });
  }

  get applyButton(): Locator {
    return this.dialog.getByRole('button', { name: this.ui.t('common.apply'), exact: true });
  }

  get closeButton(): Locator {
    return this.dialog.getByRole('button', { name: this.ui.t('common.close'), exact: true });
  }

  async setStatic(settings: StaticSettings): Promise<void> {
    await this.ui.press(this.staticMode);
    await this.ui.type(this.field('network.address'), settings.address);
    await this.ui.type(this.field('network.subnetMask'), settings.subnetMask);
    await this.ui.type(this.field('network.gateway'), settings.gateway ?? '');
  }

  /** Apply; the blade closes once the server accepted the change. */
  async apply(): Promise<void> {
    await expect(this.applyButton).toBeEnabled();
    await this.ui.press(this.applyButton);
    await expect(this.dialog).toBeHidden();
  }
}
