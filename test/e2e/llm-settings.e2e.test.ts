/**
 * The AI model section of the ops console in real Chromium, against a fake OpenAI-compatible
 * server on 127.0.0.1 that demands a key: a wrong key fails the connection test with why, the
 * right one connects, saving keeps the key write-only, and a later test uses the stored key. A
 * frontline agent sees the settings but cannot change them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { agentApi, agentToken, desk, seriousAxeViolations, signInOnPage } from '../support/desk.ts';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../support/fake-openai-server.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

const KEY = 'sk-test-acme-0123456789';
let baton: TestBaton;
let browser: Browser;
let model: FakeOpenAiServer;

beforeAll(async () => {
  [baton, browser, model] = await Promise.all([
    startTestBaton({ withWeb: true }),
    launchChromium(),
    startFakeOpenAiServer({ apiKey: KEY }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
  await model?.close();
});

const openOps = async (email: string): Promise<Page> => {
  const page = await (await browser.newContext({ viewport: desk })).newPage();
  await page.goto(`${baton.url}/ops`);
  await signInOnPage(page, baton, email);
  await page.getByTestId('llm-settings').waitFor({ timeout: 15_000 });
  return page;
};

const lastAuthorization = () => model.requests.at(-1)?.authorization ?? null;

describe('the AI model settings', () => {
  it('tests the connection with the typed key, saves it write-only, and tests again with the stored key', async () => {
    const page = await openOps('sam@acme.test');
    const section = page.getByTestId('llm-settings');
    const status = section.getByTestId('llm-status');
    await section.getByText('The AI now answers from the knowledge base without a model.').waitFor();

    await section.getByLabel('This model endpoint').check();
    await section.getByLabel('Provider URL').fill(model.baseUrl);
    await section.getByLabel('Model', { exact: true }).fill('fake-model');
    await section.getByLabel('API key').fill('sk-wrong-key-999');
    await section.getByRole('button', { name: 'Test connection' }).click();
    await status
      .getByText(/^Failed: the model endpoint refused the request \(HTTP 401; check the API key\)/)
      .waitFor();
    expect(lastAuthorization()).toBe('Bearer sk-wrong-key-999');

    await section.getByLabel('API key').fill(KEY);
    await section.getByRole('button', { name: 'Test connection' }).click();
    await status.getByText(/^Connected: fake-model answered in \d+ ms/).waitFor();
    expect(lastAuthorization()).toBe(`Bearer ${KEY}`);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await section.getByRole('button', { name: 'Save' }).click();
    await status.getByText(/^Saved as version 1\. The AI now answers with fake-model at /).waitFor();
    await expect(section.getByLabel('API key').inputValue()).resolves.toBe('');

    // The key never comes back: not in the API, not in the page after a reload.
    const token = await agentToken(baton, 'sam@acme.test');
    const stored = await agentApi(baton, token, 'GET', '/api/ops/llm-settings');
    expect(stored.body).toMatchObject({ mode: 'llm', model: 'fake-model', hasApiKey: true });
    expect(JSON.stringify(stored.body)).not.toContain(KEY);
    await page.reload();
    await section.getByLabel('API key').waitFor();
    await expect(section.getByLabel('API key').getAttribute('placeholder')).resolves.toBe(
      'A key is stored: leave empty to keep it',
    );
    expect(await page.content()).not.toContain(KEY);

    const before = model.requests.length;
    await section.getByRole('button', { name: 'Test connection' }).click();
    await status.getByText(/^Connected: fake-model answered/).waitFor();
    expect(model.requests.length).toBe(before + 1);
    expect(lastAuthorization()).toBe(`Bearer ${KEY}`);
    await page.context().close();
  });

  it('shows a frontline agent the settings read-only, and the server refuses their test', async () => {
    const page = await openOps('maya@acme.test');
    const section = page.getByTestId('llm-settings');
    await expect(section.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);
    const token = await agentToken(baton, 'maya@acme.test');
    const refused = await agentApi(baton, token, 'POST', '/api/ops/llm-settings/test', {
      baseUrl: model.baseUrl,
      model: 'fake-model',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('forbidden');
    await page.context().close();
  });
});
