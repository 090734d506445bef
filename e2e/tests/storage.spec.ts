import { expect, test } from '../fixtures/test.ts';

test('settings show how much is stored and whether it is persistent', async ({ app }) => {
  const dialog = await app.openSettings();
  await expect(dialog.getByText(/Using .* of .* available to this site\./)).toBeVisible();
  await expect(dialog.getByText(/The browser (will keep|may clear) this data/)).toBeVisible();
  await expect(dialog.getByText(/^Version \d+\.\d+\.\d+/)).toBeVisible();
});
