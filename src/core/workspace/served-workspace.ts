/**
 * Which workspace a server process serves while one process serves one workspace: the one named
 * by BATON_WORKSPACE, else the install's first (oldest), so an install with one workspace needs no
 * setting and today's routes and widgets keep working.
 */
import type { Workspace } from '../model.ts';

export type ServedWorkspace =
  | { readonly kind: 'found'; readonly workspace: Workspace }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly slug: string; readonly known: readonly string[] };

/** `workspaces` oldest first, as the store lists them. */
export const servedWorkspace = (
  workspaces: readonly Workspace[],
  wanted: string | undefined,
): ServedWorkspace => {
  if (wanted !== undefined) {
    const named = workspaces.find((workspace) => workspace.slug === wanted);
    return named
      ? { kind: 'found', workspace: named }
      : { kind: 'unknown', slug: wanted, known: workspaces.map((workspace) => workspace.slug) };
  }
  const [first] = workspaces;
  return first ? { kind: 'found', workspace: first } : { kind: 'none' };
};
