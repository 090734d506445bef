import { pairSecondDevice } from '../fixtures/paired-devices.ts';
import { expect, test } from '../fixtures/test.ts';

test('an answer is rated by thumb or 1 to 5 with a comment, and the rating stays across a reload', async ({
  app,
  upstream,
}) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('rate me');
  await app.waitForAnswerToEnd();
  const answer = app.lastAnswer;
  const good = answer.getByRole('button', { name: 'Good answer' });
  const bad = answer.getByRole('button', { name: 'Bad answer' });

  await good.click();
  await expect(good).toHaveAttribute('aria-pressed', 'true');
  await expect(bad).toHaveAttribute('aria-pressed', 'false');
  await expect(answer.getByRole('button', { name: 'Rated 5/5' })).toBeVisible();
  // Pressed again, with no comment written, the thumb clears the rating.
  await good.click();
  await expect(good).toHaveAttribute('aria-pressed', 'false');
  await expect(answer.getByRole('button', { name: 'Rate', exact: true })).toBeVisible();

  // The detailed form: a rating from 1 to 5 and a comment.
  await answer.getByRole('button', { name: 'Rate', exact: true }).click();
  const form = answer.getByRole('form', { name: 'Rate this answer' });
  await expect(form.getByRole('button', { name: 'Save rating' })).toBeDisabled();
  await form.getByRole('radio', { name: '2 of 5' }).check();
  await form.getByRole('textbox', { name: 'Comment' }).fill('The date is wrong: it was 1969.');
  await form.getByRole('button', { name: 'Save rating' }).click();
  await expect(form).toBeHidden();
  await expect(bad).toHaveAttribute('aria-pressed', 'true');
  await expect(answer.getByRole('button', { name: 'Rated 2/5' })).toBeVisible();
  await expect(answer).toContainText('The date is wrong: it was 1969.');

  // A thumb never drops words the person wrote: pressing the shown one opens the form instead.
  await bad.click();
  await expect(form.getByRole('textbox', { name: 'Comment' })).toHaveValue('The date is wrong: it was 1969.');
  await form.getByRole('button', { name: 'Cancel' }).click();
  // The other thumb changes the rating and keeps the comment.
  await good.click();
  await expect(good).toHaveAttribute('aria-pressed', 'true');
  await expect(answer).toContainText('The date is wrong: it was 1969.');

  await app.page.reload();
  await app.chatLink('rate me').click();
  await expect(app.lastAnswer.getByRole('button', { name: 'Good answer' })).toHaveAttribute('aria-pressed', 'true');
  await expect(app.lastAnswer.getByRole('button', { name: 'Rated 5/5' })).toBeVisible();
  await expect(app.lastAnswer).toContainText('The date is wrong: it was 1969.');

  // Removing it leaves the answer unrated.
  await app.lastAnswer.getByRole('button', { name: 'Rated 5/5' }).click();
  await app.lastAnswer.getByRole('button', { name: 'Remove rating' }).click();
  await expect(app.lastAnswer.getByRole('button', { name: 'Good answer' })).toHaveAttribute('aria-pressed', 'false');
  await expect(app.lastAnswer).not.toContainText('The date is wrong');
});

test('a comment longer than the limit is refused beside the field and nothing is saved', async ({ app, upstream }) => {
  await app.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await app.send('rate me at length');
  await app.waitForAnswerToEnd();
  await app.lastAnswer.getByRole('button', { name: 'Rate', exact: true }).click();
  const form = app.lastAnswer.getByRole('form', { name: 'Rate this answer' });
  await form.getByRole('radio', { name: '4 of 5' }).check();
  await form.getByRole('textbox', { name: 'Comment' }).fill('x'.repeat(5_001));
  await expect(form.getByRole('alert')).toHaveText('The comment is too long: at most 5,000 characters.');
  await expect(form.getByRole('button', { name: 'Save rating' })).toBeDisabled();
  await form.getByRole('textbox', { name: 'Comment' }).press('Control+Enter');
  await expect(app.lastAnswer.getByRole('button', { name: 'Good answer' })).toHaveAttribute('aria-pressed', 'false');
  await form.getByRole('textbox', { name: 'Comment' }).press('End');
  await form.getByRole('textbox', { name: 'Comment' }).press('Backspace');
  await form.getByRole('button', { name: 'Save rating' }).click();
  await expect(app.lastAnswer.getByRole('button', { name: 'Rated 4/5' })).toBeVisible();
});

test('a rating syncs to the other device', async ({ app: laptop, upstream, browser }) => {
  const phone = await pairSecondDevice(laptop, browser);
  await laptop.addModel({ name: 'Echo', baseUrl: upstream.baseUrl() });
  await laptop.send('rated on the laptop');
  await laptop.waitForAnswerToEnd();
  await phone.chatLink('rated on the laptop').click();
  await expect(phone.lastAnswer).toContainText('Echo: rated on the laptop');

  await laptop.lastAnswer.getByRole('button', { name: 'Bad answer' }).click();
  await expect(phone.lastAnswer.getByRole('button', { name: 'Bad answer' })).toHaveAttribute('aria-pressed', 'true');
  await expect(phone.lastAnswer.getByRole('button', { name: 'Rated 1/5' })).toBeVisible();
  await phone.page.context().close();
});
