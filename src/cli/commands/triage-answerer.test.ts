/**
 * `baton triage --answerer embedded|llm` (SPEC §13, issue 11), run as the real CLI against a fake
 * OpenAI-compatible server: the model answers lines, a faulty model gives ai_unavailable lines
 * (never a crash or a missing line), and `embedded` never calls the model.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeOpenAiServer,
  groundedModel,
  startFakeOpenAiServer,
} from '../../../test/support/fake-openai-server.ts';
import { chooseTriageAnswerer } from './triage-answerer.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'baton-triage-llm-'));
let fake: FakeOpenAiServer;
beforeAll(async () => {
  // The model fails on any question that mentions a refund; it answers the rest from the sources.
  fake = await startFakeOpenAiServer({
    script: (request, index) =>
      /refund/i.test(JSON.stringify(request.messages.at(-1)))
        ? { kind: 'status', status: 500 }
        : groundedModel(request, index),
  });
});
afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

const lines = [
  { id: 'a', messages: [{ role: 'customer', text: 'How do I reset my password?' }] },
  { id: 'b', messages: [{ role: 'customer', text: 'How long does a refund take to reach my card?' }] },
  { id: 'c', messages: [{ role: 'customer', text: 'I want to talk to a real person' }] },
];

const triage = async (answerer: string) => {
  const input = join(work, `${answerer}.jsonl`);
  const output = `${input}.out`;
  writeFileSync(input, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
  await promisify(execFile)(
    process.execPath,
    ['bin/baton.js', 'triage', '--in', input, '--out', output, '--answerer', answerer],
    {
      cwd: repo,
      env: {
        ...process.env,
        BATON_LLM_BASE_URL: fake.baseUrl,
        BATON_LLM_MODEL: 'fake-model',
        BATON_LLM_MAX_RETRIES: '0',
      },
    },
  );
  return readFileSync(output, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
};

describe('baton triage --answerer', () => {
  it('answers with the model, and turns its faults into ai_unavailable lines', async () => {
    const outputs = await triage('llm');
    expect(outputs.map((output) => output.id)).toEqual(['a', 'b', 'c']);
    expect(outputs[0]).toMatchObject({ action: 'answer', usage: { model: 'fake-model' } });
    expect(outputs[1]).toMatchObject({ action: 'escalate', reasons: [{ code: 'ai_unavailable' }] });
    expect(outputs[2].reasons.map((reason: { code: string }) => reason.code)).toContain('human_requested');
  }, 60_000);

  it('uses the embedded answerer when asked, without calling the model', async () => {
    const before = fake.requests.length;
    const outputs = await triage('embedded');
    expect(outputs[0]).toMatchObject({ action: 'answer' });
    expect(outputs[0].usage).toBeUndefined();
    expect(fake.requests.length).toBe(before);
  }, 60_000);

  it('refuses an unknown answerer and llm without a configured model', () => {
    expect(() => chooseTriageAnswerer('gpt', () => null)).toThrow(/embedded or llm/);
    expect(() => chooseTriageAnswerer('llm', () => null)).toThrow(/BATON_LLM_BASE_URL/);
    expect(chooseTriageAnswerer(undefined, () => null)).toBeNull();
  });
});
