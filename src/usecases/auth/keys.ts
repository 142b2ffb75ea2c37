import { createHash, randomBytes } from 'node:crypto';

/** A fresh random secret, url-safe. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Secrets are stored only as their sha256. */
export const hashSecret = (secret: string): Uint8Array => createHash('sha256').update(secret).digest();
