/** The Routes page: custom routes, the Add route blade, removal, and the lookup tester. */
import { expect, type Locator } from '@playwright/test';
import type { Ui } from './ui';

export interface RouteEntry {
  interfaceAlias?: string;
  destination: string;
  prefixLength?: string;
  nextHop: string;
  metric?: string;
}

export class RoutesPage {
  constructor(readonly ui: Ui) {}

  get addButton(): Locator {
    return this.ui.page
      .getByRole('main')
      .getByRole('button', { name: this.ui.t('routes.addTitle'), exact: true });
  }

  get table(): Locator {
    return this.ui.page.getByRole('table', { name: this.ui.t('routes.custom'), exact: true });
  }

  /** The custom routes section: the table, its toolbar and its empty state. */
  get section(): Locator {
    return this.ui.page.getByRole('region', { name: this.ui.t('routes.custom'), exact: true });
  }

  get filter(): Locator {
    return this.ui.page.getByRole('searchbox', { name: this.ui.t('routes.filter'), exact: true });
  }

  removeButton(destinationPrefix: string, interfaceAlias = 'Port3'): Locator {
    return this.ui.page.getByRole('button', {
      name: this.ui.t('routes.removeLabel', {
        destination: destinationPrefix,
        interface: interfaceAlias,
      }),
      exact: true,
    });
  }

  /** A route's row in the custom routes table (found by its own Remove button). */
  row(destinationPrefix: string, interfaceAlias = 'Port3'): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.removeButton(destinationPrefix, interfaceAlias) });
  }

  /** The Add route blade, whether or not it is open. */
  get openAddDialog(): Locator {
    return new AddRouteBlade(this.ui).dialog;
  }

  async openAdd(): Promise<AddRouteBlade> {
    await this.ui.press(this.addButton);
    const blade = new AddRouteBlade(this.ui);
    await expect(blade.dialog).toBeVisible();
    return blade;
  }

  /** Remove, confirmed in the dialog that asks first. */
  async remove(destinationPrefix: string, interfaceAlias = 'Port3'): Promise<void> {
    await this.ui.press(this.removeButton(destinationPrefix, interfaceAlias));
    const confirm = this.confirmDialog;
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText(destinationPrefix);
    await this.ui.press(
      confirm.getByRole('button', { name: this.ui.t('routes.remove'), exact: true }),
    );
    await expect(confirm).toBeHidden();
  }

  get confirmDialog(): Locator {
    return this.ui.page.getByRole('alertdialog', { name: this.ui.t('routes.removeTitle') });
  }

  get tester(): Locator {
    return this.ui.page.getByRole('region', { name: this.ui.t('routes.tester'), exact: true });
  }

  get testerAddress(): Locator {
    return this.tester.getByRole('textbox', {
      name: this.ui.t('routes.testerAddress'),
      exact: true,
    });
  }

  /** The tester's answer: the chosen route (`192.168.21.0/24 (Port3)`), shown under its term. */
  get chosenRoute(): Locator {
    return this.tester.getByRole('definition').first();
  }

  /** The tester's VM choice. */
  get testerVm(): Locator {
    return this.tester.getByRole('combobox', { name: this.ui.t('routes.vm'), exact: true });
  }

  /** Pings the typed address from the chosen VM (Linux driver). */
  async probe(address?: string): Promise<void> {
    if (address !== undefined) await this.ui.type(this.testerAddress, address);
    await this.ui.press(
      this.tester.getByRole('button', { name: this.ui.t('probe.run'), exact: true }),
    );
  }

  async lookup(address: string): Promise<void> {
    await this.ui.type(this.testerAddress, address);
    await this.ui.press(
      this.tester.getByRole('button', { name: this.ui.t('routes.lookup'), exact: true }),
    );
  }
}

export class AddRouteBlade {
  constructor(readonly ui: Ui) {}

  get dialog(): Locator {
    return this.ui.page.getByRole('dialog', { name: this.ui.t('routes.addTitle') });
  }

  get interfaceAlias(): Locator {
    return this.dialog.getByRole('combobox', { name: this.ui.t('routes.interface'), exact: true });
  }

  get destination(): Locator {
    return this.dialog.getByRole('textbox', { name: this.ui.t('routes.destination'), exact: true });
  }

  get prefixLength(): Locator {
    return this.dialog.getByRole('textbox', {
      name: this.ui.t('routes.prefixLength'),
      exact: true,
    });
  }

  /** The destination and prefix length together: the group that carries the destination's issues. */
  get destinationGroup(): Locator {
    return this.dialog.getByRole('group', {
      name: this.ui.t('routes.destinationGroup'),
      exact: true,
    });
  }

  get nextHop(): Locator {
    return this.dialog.getByRole('textbox', { name: this.ui.t('routes.nextHop'), exact: true });
  }

  get metric(): Locator {
    return this.dialog.getByRole('textbox', { name: this.ui.t('routes.metric'), exact: true });
  }

  get addButton(): Locator {
    return this.dialog.getByRole('button', { name: this.ui.t('routes.add'), exact: true });
  }

  get closeButton(): Locator {
    return this.dialog.getByRole('button', { name: this.ui.t('common.close'), exact: true });
  }

  async fill(route: RouteEntry): Promise<void> {
    if (route.interfaceAlias) await this.interfaceAlias.selectOption(route.interfaceAlias);
    await this.ui.type(this.destination, route.destination);
    if (route.prefixLength !== undefined) await this.ui.type(this.prefixLength, route.prefixLength);
    await this.ui.type(this.nextHop, route.nextHop);
    if (route.metric !== undefined) await this.ui.type(this.metric, route.metric);
  }

  /** Add; the blade closes once the server stored the route. */
  async add(): Promise<void> {
    await this.ui.press(this.addButton);
    await expect(this.dialog).toBeHidden();
  }
}
