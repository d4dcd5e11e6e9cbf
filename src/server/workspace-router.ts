/**
 * Several workspaces in one process: each request goes to the runtime of the workspace its
 * credential or entry-point slug names (request-workspace.ts). A workspace created after the
 * process started (`baton setup` against a shared PostgreSQL) is found in the store on its first
 * request. A slug that names no workspace gets 404 `workspace_not_found`.
 */
import type { Workspace } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import { errorBody } from './http-errors.ts';
import type { FetchHandler } from './listener.ts';
import { createRequestWorkspace, type RequestWorkspace } from './request-workspace.ts';
import type { WorkspaceRuntime } from './workspace-runtime.ts';

export interface WorkspaceRouterParts {
  readonly store: Store;
  readonly secret: string;
  readonly now: () => Date;
  /** The install's default workspace: requests that name none. */
  readonly main: WorkspaceRuntime;
  /** The workspace's runtime, started on first use; null when this process does not serve it. */
  readonly runtimeOf: (workspace: Workspace) => WorkspaceRuntime | null;
}

/** How stale "this install has one workspace" may be: a new one's credentials wait at most this long. */
const SEVERAL_RECHECK_MS = 5_000;

const notFound = (what: string): Response =>
  Response.json(
    errorBody(
      'workspace_not_found',
      `No workspace ${what} is served here. Check the workspace slug your company gave you.`,
    ),
    { status: 404 },
  );

export const createWorkspaceRouter = (parts: WorkspaceRouterParts): FetchHandler => {
  const requestWorkspace = createRequestWorkspace(parts.store, parts.secret, parts.now);
  const find = async (which: RequestWorkspace): Promise<Workspace | null> => {
    if (which.kind === 'slug') return parts.store.workspaces.getBySlug(which.slug);
    if (which.kind === 'default') return parts.main.workspace;
    // A credential's workspace: known to this store, since the credential was found in it.
    const all = await parts.store.workspaces.list();
    return all.find((workspace) => workspace.id === which.id) ?? null;
  };
  const cache = new Map<string, Workspace>();
  // Looked up again at most every few seconds until a second workspace appears (`baton setup`
  // on a shared database); workspaces are never deleted, so from then on it stays true.
  let several: { readonly at: number; readonly value: Promise<boolean>; settledTrue: boolean } | null = null;
  const hasSeveral = (): Promise<boolean> => {
    const at = parts.now().getTime();
    if (several === null || (at - several.at > SEVERAL_RECHECK_MS && !several.settledTrue)) {
      const value = parts.store.workspaces.list().then((all) => all.length > 1);
      const entry = { at, value, settledTrue: false };
      value.then(
        (yes) => {
          entry.settledTrue = yes;
        },
        () => {
          if (several === entry) several = null;
        },
      );
      several = entry;
    }
    return several.value;
  };
  return async (request, env) => {
    const which = await requestWorkspace(request, await hasSeveral());
    const key =
      which.kind === 'default' ? '' : `${which.kind}:${which.kind === 'id' ? which.id : which.slug}`;
    const workspace = cache.get(key) ?? (await find(which));
    if (!workspace) return notFound(which.kind === 'slug' ? `"${which.slug}"` : 'for this credential');
    cache.set(key, workspace);
    if (workspace.id !== parts.main.workspace.id) {
      // A slug reached another workspace: its sessions and tokens, made here, must find it too.
      several = { at: parts.now().getTime(), value: Promise.resolve(true), settledTrue: true };
    }
    const runtime = parts.runtimeOf(workspace);
    if (!runtime) return notFound(`"${workspace.slug}"`);
    return runtime.fetch(request, env);
  };
};
