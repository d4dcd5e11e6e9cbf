/**
 * Where links Baton hands out (invitations, password resets) point: the workspace's saved public
 * URL when an admin set one — a request's own origin may be an internal address or a proxy's —
 * else the origin the admin's request came to. Any path of the public URL is kept (Baton behind
 * a path prefix); its trailing slashes are not doubled.
 */
export const linkBase = (publicUrl: string | null, requestOrigin: string): string =>
  (publicUrl ?? requestOrigin).replace(/\/+$/, '');
