import type { FakeApi, Scenario } from '@hearth/testkit';
import { expect, test } from '../fixtures/test.ts';

// Anthropic's and Gemini's own APIs, against the fake upstream that speaks them and checks each request as
// the provider does: directly from the browser (the fake allows CORS, and Anthropic's wants its
// direct-browser-access header), and through the relay (the fake refuses CORS, so automatic mode falls back).

const providers: {
  label: string;
  api: FakeApi;
  modelId: string;
  /** A refusal scenario and the provider's own words for it. */
  refusal: { status: number; words: string };
}[] = [
  {
    label: 'Anthropic',
    api: 'anthropic',
    modelId: 'claude-test',
    refusal: { status: 401, words: 'invalid x-api-key' },
  },
  {
    label: 'Google Gemini',
    api: 'gemini',
    modelId: 'gemini-test',
    refusal: { status: 400, words: 'API key not valid. Please pass a valid API key.' },
  },
];

const paths = [
  { path: 'direct', cors: true, shown: 'direct' },
  { path: 'through the relay', cors: false, shown: 'via relay' },
] as const;

for (const provider of providers) {
  for (const way of paths) {
    test(`${provider.label} ${way.path}: thinking, answer, usage, and a refusal in its own words`, async ({
      app,
      upstream,
    }) => {
      const name = `${provider.label} ${way.path}`;
      const scenario: Partial<Scenario> = { cors: way.cors, reasoning: 'Weighing the question.' };
      await app.addModel({
        provider: provider.label,
        name,
        baseUrl: upstream.baseUrl(scenario, provider.api),
        modelId: provider.modelId,
        apiKey: 'test-key',
        thinkingBudget: '1024',
      });

      await app.send('hello natively');
      await expect(app.lastAnswer).toContainText('Echo: hello natively');
      await app.waitForAnswerToEnd();
      const answer = app.lastAnswer;
      await answer.getByText('Reasoning', { exact: true }).click();
      await expect(answer.getByText('Weighing the question.')).toBeVisible();
      // The fake counts words: 2 in the question; 3 of thinking and 3 of answer out.
      await expect(answer).toContainText('2 tokens in, 6 out');
      await expect(answer).toContainText(way.shown);

      // The request was the provider's own, the thinking asked for in its terms.
      const sent = upstream.requests.filter((request) => request.method === 'POST').at(-1);
      if (provider.api === 'anthropic') {
        expect(sent?.path).toBe('/anthropic/v1/messages');
        expect(sent?.headers['x-api-key']).toBe('test-key');
        expect(sent?.body).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 1024 }, stream: true });
      } else {
        expect(sent?.url).toMatch(/\/gemini\/v1beta\/models\/gemini-test:streamGenerateContent\?alt=sse$/);
        expect(sent?.headers['x-goog-api-key']).toBe('test-key');
        expect(sent?.body).toMatchObject({ generationConfig: { thinkingConfig: { includeThoughts: true } } });
      }

      await app.editBaseUrl(name, upstream.baseUrl({ ...scenario, status: provider.refusal.status }, provider.api));
      await app.send('and now?');
      await expect(app.lastAnswer.getByText('Failed', { exact: true })).toBeVisible();
      await expect(app.lastAnswer).toContainText(`The provider refused the request (HTTP ${provider.refusal.status})`);
      await expect(app.lastAnswer).toContainText(provider.refusal.words);
    });
  }
}

for (const provider of providers) {
  test(`${provider.label}: Fetch model list reads every page, only models that can chat`, async ({ app, upstream }) => {
    // One model a page, so the form must follow the provider's cursor to the end.
    const scenario: Partial<Scenario> = { models: ['model-one', 'model-two', 'model-three'], modelsPageSize: 1 };
    const dialog = await app.fillNewModel({
      provider: provider.label,
      name: `${provider.label} models`,
      baseUrl: upstream.baseUrl(scenario, provider.api),
      apiKey: 'test-key',
    });
    await dialog.getByRole('button', { name: 'Fetch model list' }).click();
    // Gemini also lists an embedding model, which cannot answer and is left out.
    await expect(dialog.getByRole('form', { name: 'New model' }).getByRole('status')).toHaveText(
      'Found 3 models; pick one in Model ID.',
    );
    const listed = upstream.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/models'));
    expect(listed.length).toBeGreaterThanOrEqual(3);
  });
}

test('Azure OpenAI asks for the deployment and offers no model list; xAI keeps its name once saved', async ({
  app,
}) => {
  const dialog = await app.openSettings();
  await dialog.getByRole('button', { name: 'Add model' }).click();
  await dialog.getByLabel('Provider').selectOption({ label: 'Azure OpenAI' });
  await expect(dialog.getByLabel('Base URL')).toHaveValue('https://YOUR-RESOURCE.openai.azure.com');
  await expect(dialog.getByText('For Azure OpenAI, the name of your deployment.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Fetch model list' })).toHaveCount(0);
  await expect(dialog.getByLabel('Thinking budget (tokens)')).toHaveCount(0);

  await dialog.getByLabel('Provider').selectOption({ label: 'xAI' });
  await expect(dialog.getByLabel('Base URL')).toHaveValue('https://api.x.ai/v1');
  await dialog.getByRole('button', { name: 'Save model' }).click();
  await dialog.getByRole('button', { name: 'Edit: xAI' }).click();
  await expect(dialog.getByLabel('Provider')).toHaveValue('xai');
});
