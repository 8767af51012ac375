/** The Console page: the device's PowerShell cmdlets run on the server. */
import { expect, type Locator } from '@playwright/test';
import type { Ui } from './ui';

export class PowerShellPage {
  constructor(readonly ui: Ui) {}

  get input(): Locator {
    return this.ui.page.getByRole('textbox', { name: this.ui.t('console.input') });
  }

  get output(): Locator {
    return this.ui.page.getByRole('log', { name: this.ui.t('console.output') });
  }

  /** Types a line and presses Enter, then waits for its answer to be shown. */
  async run(line: string): Promise<void> {
    const before = await this.output.locator('.console-entry').count();
    await this.ui.type(this.input, line);
    await this.input.press('Enter');
    await expect(this.output.locator('.console-entry')).toHaveCount(before + 1);
  }

  /** The text of the last command's answer. */
  lastAnswer(): Locator {
    return this.output.locator('.console-entry').last();
  }
}
