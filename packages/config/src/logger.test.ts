import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { loadConfig } from './app-config';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write: (chunk, _encoding, done) => {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('createLogger redaction', () => {
  it('hides keys, tokens, secrets, authorization headers and cookies wherever they are logged', () => {
    const { lines, logger } = capture();
    const secrets = ['po_plain_key', 'sk-provider', 'hash-hex', 'bearer-value', 'cookie-value', 'session-secret', 'metrics-token', 'hunter2'];
    logger.info({ key: secrets[0], created: { key: secrets[0], key_hash: secrets[2] } }, 'created');
    logger.info({ provider: { apiKey: secrets[1] }, api_key: secrets[1] }, 'provider');
    logger.info({ req: { headers: { authorization: `Bearer ${secrets[3]}`, cookie: secrets[4] } } }, 'request');
    logger.info({ headers: { authorization: secrets[3], cookie: secrets[4], 'set-cookie': secrets[4] } }, 'headers');
    logger.info({ config: { metricsToken: secrets[6], providers: [{ name: 'x', apiKey: secrets[1] }] } }, 'config');
    logger.info({ user: { password: secrets[7] }, token: secrets[6], secret: secrets[5] }, 'misc');
    const output = lines.join('');
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output).toContain('[redacted]');
  });

  it('keeps a whole loaded configuration free of provider keys and secrets', () => {
    const { lines, logger } = capture();
    const config = loadConfig({ OPENAI_API_KEY: 'sk-config-secret', METRICS_TOKEN: 'm'.repeat(20) });
    logger.info({ config }, 'config');
    expect(lines.join('')).not.toMatch(/sk-config-secret|m{20}/);
  });
});
