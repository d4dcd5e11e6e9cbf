/**
 * The `code` an error carries, when it carries one as text: a Node system error's (`ENOENT`,
 * `EEXIST`, `EPERM`…) or a PostgreSQL driver error's SQLSTATE (`23505`…). Thrown values need not be
 * Errors, so anything else reads as no code.
 */
export const errorCode = (error: unknown): string | null => {
  if (typeof error !== 'object' || error === null) return null;
  const code: unknown = Reflect.get(error, 'code');
  return typeof code === 'string' ? code : null;
};
