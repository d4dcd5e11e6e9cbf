/** What a new password must be (SPEC §11). Length is what makes a password hard to guess. */
export const MIN_PASSWORD_CHARS = 10;
export const MAX_PASSWORD_CHARS = 500;

/** Why a new password is refused, or null when it is fine. */
export const newPasswordProblem = (password: string): string | null => {
  if (password.length < MIN_PASSWORD_CHARS) {
    return `must be at least ${MIN_PASSWORD_CHARS} characters; a few words make a long password easy to remember`;
  }
  if (password.length > MAX_PASSWORD_CHARS) return `keep it under ${MAX_PASSWORD_CHARS} characters`;
  if (password.trim() !== password) return 'must not start or end with a space';
  return null;
};
