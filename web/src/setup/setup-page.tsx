/**
 * The first-run set-up page (`/setup?token=…`, the link `baton start --no-demo` prints on an empty
 * database): the company, its workspace slug and the first admin.
 */
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { setupResponseSchema } from '../../../src/api/company-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import '../agent/sign-in.css';

type SetupResult = z.infer<typeof setupResponseSchema>;

const Field = (props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  hint?: string;
}) => (
  <label>
    {props.label}
    <input
      type={props.type ?? 'text'}
      autoComplete={props.autoComplete}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      required
    />
    {props.hint ? <span className="hint">{props.hint}</span> : null}
  </label>
);

/** A slug from the company's name, as a suggestion the admin can change. */
const slugOf = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

export const SetupPage = () => {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [companyName, setCompanyName] = useState('');
  const [slug, setSlug] = useState<string | null>(null);
  const [adminName, setAdminName] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const [adminPassword, setAdminPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<SetupResult | null>(null);
  const workspace = slug ?? slugOf(companyName);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setDone(
        await apiCall<SetupResult>('POST', '/api/setup', {
          body: { token, companyName, workspace, adminName, adminEmail, adminPassword },
        }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not reach Baton. Try again.');
    }
  };

  if (done) {
    return (
      <main className="sign-in">
        <div className="card">
          <h1>{done.workspace.name} is set up</h1>
          <p>
            Workspace <strong>{done.workspace.slug}</strong> is ready, with {done.admin.email} as its admin.
            Sign in to invite your team, create teams and write articles.
          </p>
          <a className="button" href={done.signInPath}>
            Sign in
          </a>
        </div>
      </main>
    );
  }
  return (
    <main className="sign-in">
      <form onSubmit={submit} className="card">
        <h1>Set up Baton</h1>
        {token === '' ? (
          <p className="error" role="alert">
            This page needs the set-up link `baton start --no-demo` printed (it ends with ?token=…).
          </p>
        ) : null}
        <Field
          label="Company name"
          value={companyName}
          onChange={setCompanyName}
          autoComplete="organization"
        />
        <Field
          label="Workspace slug"
          value={workspace}
          onChange={setSlug}
          hint="Lowercase letters, digits and hyphens; it names your workspace in links."
        />
        <Field label="Your name" value={adminName} onChange={setAdminName} autoComplete="name" />
        <Field
          label="Your email"
          type="email"
          value={adminEmail}
          onChange={setAdminEmail}
          autoComplete="username"
        />
        <Field
          label="Password"
          type="password"
          value={adminPassword}
          onChange={setAdminPassword}
          autoComplete="new-password"
          hint="At least 10 characters."
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">Create workspace</button>
      </form>
    </main>
  );
};
