// Tokens at rest: AES-256-GCM under a key derived (HKDF-SHA-256) from SESSION_SECRET, with a
// key id stored beside every value. SESSION_SECRET_PREVIOUS still decrypts, so the secret can be
// rotated without signing everyone out. A copy of the SQLite file or a Redis dump alone holds no
// usable Outreach token. The associated data binds each value to its session and field, so a
// ciphertext cannot be moved to another session.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

export interface Sealed {
  keyId: string;
  value: string;
}

export interface Cipher {
  /** The id of the key new values are sealed with. */
  readonly keyId: string;
  seal(plain: string, context: string): Sealed;
  /** The plain text, or undefined for an unknown key id, a wrong context or a tampered value. */
  open(sealed: Sealed, context: string): string | undefined;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

interface Key {
  id: string;
  bytes: Buffer;
}

function deriveKey(secret: string, purpose: string): Key {
  const bytes = Buffer.from(hkdfSync('sha256', secret, 'call-purpose-admin', purpose, 32));
  // The id names the key without revealing it: a hash of the key under another label.
  const id = createHash('sha256').update('key-id:').update(bytes).digest('base64url').slice(0, 12);
  return { id, bytes };
}

/** `purpose` separates keys: the same secret yields unrelated keys for tokens and cookies. */
export function createCipher(
  secret: string,
  previousSecret: string | undefined,
  purpose: string,
): Cipher {
  const current = deriveKey(secret, purpose);
  const keys = new Map<string, Buffer>([[current.id, current.bytes]]);
  if (previousSecret !== undefined && previousSecret !== secret) {
    const previous = deriveKey(previousSecret, purpose);
    keys.set(previous.id, previous.bytes);
  }

  return {
    keyId: current.id,

    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.bytes, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const value = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
      return { keyId: current.id, value };
    },

    open(sealed, context) {
      const key = keys.get(sealed.keyId);
      if (key === undefined) return undefined;
      const raw = Buffer.from(sealed.value, 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        const body = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** The cipher for tokens in the session store. */
export function tokenCipher(secret: string, previousSecret?: string): Cipher {
  return createCipher(secret, previousSecret, 'session tokens v1');
}
