/** Invitation and reset links are mailed through a real SMTP server on 127.0.0.1 when mail is set up. */
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_ADMIN, type CompanyBaton, startCompanyBaton } from '../../../test/support/company-baton.ts';
import { request } from '../../../test/support/http.ts';
import { createSmtpMailer } from '../../adapters/mail/smtp-mailer.ts';

interface Received {
  readonly to: readonly string[];
  readonly data: string;
}

let smtp: SMTPServer;
let company: CompanyBaton;
const received: Received[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  if (address === null || typeof address === 'string') throw new Error('the SMTP server has no TCP port');
  const { port } = address;
  company = await startCompanyBaton({
    mailer: createSmtpMailer(`smtp://127.0.0.1:${port}`, 'Baton <baton@northwind.example>'),
  });
});
afterAll(async () => {
  await company?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('people links by mail', () => {
  it('mails the invitation link to the invited address and says so', async () => {
    const signIn = await request(company.url, 'POST', '/api/auth/sign-in', {
      body: { email: COMPANY_ADMIN.email, password: COMPANY_ADMIN.password },
    });
    const invited = await request(company.url, 'POST', '/api/people/invitations', {
      token: String(signIn.body.token),
      body: { email: 'ravi@northwind.example', name: 'Ravi Shah' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.mailed).toBe(true);
    const [mail] = received;
    expect(mail?.to).toEqual(['ravi@northwind.example']);
    expect(mail?.data).toMatch(/Subject: You are invited to Northwind Tea on Baton/);
    // The mailed link is the one shown to the admin (quoted-printable may wrap it; unwrap first).
    const body = (mail?.data ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(body).toContain(String(invited.body.url));
  });
});
