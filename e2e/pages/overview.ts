/** The Overview page: the device, the compute state and the topology drawing. */
import type { Locator } from '@playwright/test';
import { escapeRegExp } from '../fixtures/i18n';
import type { Ui } from './ui';

export class OverviewPage {
  constructor(readonly ui: Ui) {}

  /** The SVG drawing, named by its title and described in words by its <desc>. */
  get topology(): Locator {
    const title = escapeRegExp(this.ui.t('topology.title'));
    return this.ui.page.getByRole('img', { name: new RegExp(`^${title}`) });
  }

  vmLabel(role: 'master' | 'worker', name: string): Locator {
    return this.topology.getByText(
      this.ui.t(role === 'master' ? 'topology.master' : 'topology.worker', { name }),
      { exact: true },
    );
  }

  get computeCard(): Locator {
    return this.ui.page.getByRole('region', { name: this.ui.t('overview.compute'), exact: true });
  }
}
