/** The Compute page: Enable for compute, the node and service IP ranges, Apply and its progress. */
import { expect, type Locator } from '@playwright/test';
import type { Ui } from './ui';

export interface Ranges {
  nodes: [string, string];
  services: [string, string];
}

type RangeField =
  | 'compute.nodeIpStart'
  | 'compute.nodeIpEnd'
  | 'compute.serviceIpStart'
  | 'compute.serviceIpEnd';

export class ComputePage {
  constructor(readonly ui: Ui) {}

  enableButton(port: string): Locator {
    return this.ui.page.getByRole('button', { name: this.ui.t('compute.enableOn', { port }) });
  }

  disableButton(port: string): Locator {
    return this.ui.page.getByRole('button', { name: this.ui.t('compute.disableOn', { port }) });
  }

  field(key: RangeField): Locator {
    return this.ui.page.getByRole('textbox', { name: this.ui.t(key), exact: true });
  }

  /** A range's group (its fieldset): its description carries the count and the range's issues. */
  get nodeGroup(): Locator {
    return this.ui.page.getByRole('group', { name: this.ui.t('compute.nodeIps'), exact: true });
  }

  get serviceGroup(): Locator {
    return this.ui.page.getByRole('group', { name: this.ui.t('compute.serviceIps'), exact: true });
  }

  get applyButton(): Locator {
    return this.ui.page.getByRole('button', { name: this.ui.t('common.apply'), exact: true });
  }

  /** The compute state badge beside the page title. */
  get state(): Locator {
    return this.ui.page.locator('.page-header .badge');
  }

  get progress(): Locator {
    return this.ui.page.getByRole('region', { name: this.ui.t('compute.jobTitle') });
  }

  get progressBar(): Locator {
    return this.ui.page.getByRole('progressbar', { name: this.ui.t('compute.jobTitle') });
  }

  async enable(port: string): Promise<void> {
    await this.ui.press(this.enableButton(port));
    await expect(this.disableButton(port)).toBeVisible();
  }

  async setRanges(ranges: Partial<Ranges>): Promise<void> {
    if (ranges.nodes) {
      await this.ui.type(this.field('compute.nodeIpStart'), ranges.nodes[0]);
      await this.ui.type(this.field('compute.nodeIpEnd'), ranges.nodes[1]);
    }
    if (ranges.services) {
      await this.ui.type(this.field('compute.serviceIpStart'), ranges.services[0]);
      await this.ui.type(this.field('compute.serviceIpEnd'), ranges.services[1]);
    }
  }

  async apply(): Promise<void> {
    await expect(this.applyButton).toBeEnabled();
    await this.ui.press(this.applyButton);
  }

  /** Follows the progress panel to the end of the job, and the page's state to Configured. */
  async waitConfigured(timeout = 30_000): Promise<void> {
    await expect(this.progress).toBeVisible({ timeout });
    await expect(this.progress.getByRole('status')).toContainText(
      `${this.ui.t('job.state.succeeded')} · 100%`,
      { timeout },
    );
    await expect(this.state).toHaveText(this.ui.t('computeState.Configured'), { timeout });
  }
}
