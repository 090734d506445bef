import { chatgptExportJson } from '@hearth/testkit/import-fixtures';
import { ArchiveScreen } from '../fixtures/archive-screen.ts';
import { expect, test } from '../fixtures/test.ts';

test('a ChatGPT export comes in with its branches, shows what it holds first, and a second import adds nothing', async ({
  app,
}) => {
  const file = { name: 'conversations.json', mimeType: 'application/json', buffer: Buffer.from(chatgptExportJson()) };
  const screen = await ArchiveScreen.open(app);
  await screen.choose(file);
  const preview = screen.importSection;
  await expect(preview.getByText('conversations.json (ChatGPT export) holds:')).toBeVisible();
  await expect(preview.getByRole('listitem').first()).toHaveText(/^3 chats with \d+ messages$/);
  await screen.importButton.click();
  await expect(preview.getByRole('status')).toHaveText(/^Imported 3 chats and \d+ messages\.$/);
  await app.closeSettings();

  await expect(app.chatLink('Branches and edits')).toBeVisible();
  await expect(app.chatLink('Every kind of part')).toBeVisible();
  await app.chatLink('Branches and edits').click();
  // The branch ChatGPT showed (its current_node), with the regenerated answer as the second version.
  await expect(app.lastAnswer).toContainText('Unicode back:');
  const regenerated = app.page.getByRole('article', { name: 'Assistant' }).filter({ hasText: 'regenerated' });
  await expect(regenerated.getByRole('group', { name: 'Version 2 of 2' })).toBeVisible();
  await regenerated.getByRole('button', { name: 'Previous version' }).click();
  await expect(app.lastAnswer).toHaveText(/A graph without cycles\./);

  const again = await ArchiveScreen.open(app);
  await again.choose(file);
  await expect(
    again.region.getByText('Everything in this file is already here: importing it adds nothing.'),
  ).toBeVisible();
  await expect(again.importButton).toBeDisabled();
});
