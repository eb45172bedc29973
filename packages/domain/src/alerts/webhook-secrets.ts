import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { NotConfiguredError } from '@promptops/errors';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A new signing secret: `whsec_` and 32 random bytes, base64url. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function requireSecretKey(key: Buffer | undefined): Buffer {
  if (!key) {
    throw new NotConfiguredError('Webhooks need WEBHOOK_SECRET_KEY (32 bytes, e.g. `openssl rand -hex 32`) to store their signing secrets encrypted', {
      variable: 'WEBHOOK_SECRET_KEY',
    });
  }
  return key;
}

/** AES-256-GCM; base64 of iv ‖ tag ‖ ciphertext, so a wrong key or a changed row fails to decrypt. */
export function encryptSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

export function decryptSecret(key: Buffer, stored: string): string {
  const raw = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
