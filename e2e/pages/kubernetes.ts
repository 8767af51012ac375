/** The Kubernetes page: nodes, the networking components' pods, services. */
import type { Locator } from '@playwright/test';
import type { Ui } from './ui';

export class KubernetesPage {
  constructor(readonly ui: Ui) {}

  get nodes(): Locator {
    return this.ui.page.getByRole('table', { name: this.ui.t('k8s.nodes'), exact: true });
  }

  get components(): Locator {
    return this.ui.page.getByRole('table', { name: this.ui.t('k8s.components'), exact: true });
  }

  get services(): Locator {
    return this.ui.page.getByRole('table', { name: this.ui.t('k8s.services'), exact: true });
  }

  /**
   * The rows of the components table for one component (`calico-node`, `speaker`, …). On narrow
   * screens rows become cards whose cells are named with their column too ("Component coredns").
   */
  pods(component: string): Locator {
    const name = new RegExp(`(^|\\s)${component}$`);
    return this.components
      .getByRole('row')
      .filter({ has: this.ui.page.getByRole('cell', { name }) });
  }
}
