/**
 * Secrets stored in the database (a workspace's LLM API key): AES-256-GCM with a key derived
 * from BATON_SECRET by HKDF, so a database copy alone does not reveal them. Changing BATON_SECRET
 * makes stored secrets unreadable: they must be entered again.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** A sealed secret as stored (base64 parts); `v` names the scheme. */
export interface SealedSecret {
  readonly v: 1;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

const keyFor = (secret: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'baton-secret-box', purpose, 32));

/** Encrypts `plaintext` for `purpose` (which binds it: a key sealed for one purpose opens for no other). */
export const sealSecret = (secret: string, purpose: string, plaintext: string): SealedSecret => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    v: 1,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
};

/** Decrypts a sealed secret; null when it was sealed with another BATON_SECRET or purpose, or tampered with. */
export const openSecret = (secret: string, purpose: string, sealed: SealedSecret): string | null => {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keyFor(secret, purpose),
      Buffer.from(sealed.iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
};
