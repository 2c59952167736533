import crypto from 'node:crypto';

/**
 * Authenticated encryption of secrets at rest (DESIGN.md "Secrets at rest"):
 * AES-256-GCM under the instance master key, as `v1.<iv>.<ciphertext+tag>` in base64url.
 * `context` is bound as additional data, so a sealed value cannot be moved to another column.
 */
export function seal(plaintext: string, key: Buffer, context: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v1.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** Opens a value made by {@link seal}; throws if the key or context is wrong. */
export function unseal(sealed: string, key: Buffer, context: string): string {
  const [version, ivText, bodyText] = sealed.split('.');
  if (version !== 'v1' || !ivText || !bodyText) throw new Error('Sealed value has an unknown format');
  const body = Buffer.from(bodyText, 'base64url');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
}
