import { describe, expect, it } from 'vitest';
import type { Workspace } from '../model.ts';
import { servedWorkspace } from './served-workspace.ts';

const workspace = (slug: string, day: number): Workspace => ({
  id: slug,
  slug,
  name: slug,
  createdAt: new Date(Date.UTC(2026, 0, day)),
  demo: false,
});

describe('servedWorkspace', () => {
  const all = [workspace('first-co', 1), workspace('second-co', 2)];
  it('serves the oldest workspace when none is named', () => {
    expect(servedWorkspace(all, undefined)).toEqual({ kind: 'found', workspace: all[0] });
  });
  it('serves the named workspace', () => {
    expect(servedWorkspace(all, 'second-co')).toEqual({ kind: 'found', workspace: all[1] });
  });
  it('names the known slugs when the named one does not exist', () => {
    expect(servedWorkspace(all, 'third-co')).toEqual({
      kind: 'unknown',
      slug: 'third-co',
      known: ['first-co', 'second-co'],
    });
  });
  it('says there is none on an empty install', () => {
    expect(servedWorkspace([], undefined)).toEqual({ kind: 'none' });
  });
});
