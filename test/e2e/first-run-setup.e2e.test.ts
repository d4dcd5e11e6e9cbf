/**
 * A company's first run, as it happens on a fresh clone: `baton start --no-demo` on an empty data
 * folder prints a one-time set-up link; the set-up page in real Chromium creates the workspace and
 * its admin; the admin signs in to an empty workspace with no demo accounts. `baton setup` refuses
 * while that server holds the embedded data folder.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../src/server/start.ts';
import { launchChromium } from '../support/browser.ts';
import { request } from '../support/http.ts';

const bin = join(repositoryRoot, 'bin/baton.js');
let dataDir: string;
let server: ChildProcess;
let output = '';
let browser: Browser;
let link: URL;

const environment = () => ({
  ...process.env,
  BATON_DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  DATABASE_URL: '',
  BATON_PUBLIC_URL: '',
  BATON_SECRET: 'first-run-test-secret-0123456789abcdef',
});

/** Waits for the process to print a line matching `pattern`. */
const printed = (pattern: RegExp, timeoutMs = 90_000) =>
  new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not printed: ${pattern}\n${output}`)), timeoutMs);
    const look = () => {
      const match = output.match(pattern);
      if (match) {
        clearTimeout(timer);
        server.stdout?.off('data', look);
        resolve(match);
      }
    };
    server.stdout?.on('data', look);
    look();
  });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'baton-first-run-'));
  server = spawn(process.execPath, [bin, 'start', '--no-demo'], { env: environment(), cwd: dataDir });
  server.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  server.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  browser = await launchChromium();
  const [, address] = await printed(/(http:\/\/\S+\/setup\?token=\S+)/);
  link = new URL((address ?? '').replace('//localhost:', '//127.0.0.1:'));
});
afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe('first run without the demo', () => {
  it('prints a set-up link, not the demo accounts', () => {
    expect(output).not.toMatch(/acme\.test|demo-pass/);
  });

  it('refuses `baton setup` while the server holds the embedded data folder, saying what to do', () => {
    const run = spawnSync(
      process.execPath,
      [bin, 'setup', '--workspace', 'other', '--name', 'Other', '--admin-email', 'x@other.example'],
      { env: { ...environment(), BATON_ADMIN_PASSWORD: 'long-enough-pass' }, cwd: dataDir, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/has the embedded database in .* open/);
    expect(run.stderr).toMatch(/open the set-up link/);
  });

  it('sets up the workspace in the browser; the admin signs in to an empty workspace with no demo accounts', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(link.toString());
    await page.getByLabel('Company name').fill('Northwind Tea');
    expect(await page.getByLabel('Workspace slug').inputValue()).toBe('northwind-tea');
    await page.getByLabel('Your name').fill('Nadia Okoro');
    await page.getByLabel('Your email').fill('nadia@northwind.example');
    await page.getByLabel('Password').fill('steeped-leaves-42');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { name: 'Northwind Tea is set up' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();

    await page.getByLabel('Email').fill('nadia@northwind.example');
    await page.getByLabel('Password').fill('steeped-leaves-42');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Nadia Okoro').waitFor();
    expect(await page.getByText('Demo account').count()).toBe(0);

    const base = link.origin;
    const signIn = await request(base, 'POST', '/api/auth/sign-in', {
      body: { email: 'nadia@northwind.example', password: 'steeped-leaves-42' },
    });
    expect(signIn.body).toMatchObject({ agent: { role: 'admin', demo: false } });
    const token = String(signIn.body.token);
    const colleagues = await request(base, 'GET', '/api/inbox/agents', { token });
    expect(colleagues.status).toBe(200);
    expect(JSON.stringify(colleagues.body)).not.toMatch(/acme\.test/);
    const demoSignIn = await request(base, 'POST', '/api/auth/sign-in', {
      body: { email: 'sam@acme.test', password: 'sam-demo-pass' },
    });
    expect(demoSignIn.status).toBe(401);
  });

  it('opens the link only once', async () => {
    const again = await request(link.origin, 'POST', '/api/setup', {
      body: {
        token: link.searchParams.get('token'),
        companyName: 'Second',
        workspace: 'second',
        adminName: 'Someone',
        adminEmail: 'someone@second.example',
        adminPassword: 'another-long-pass',
      },
    });
    expect(again.status).toBe(409);
    expect((await request(link.origin, 'GET', '/api/setup')).body).toEqual({ needed: false });
  });
});
