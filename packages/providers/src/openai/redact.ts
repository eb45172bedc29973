// Key-shaped tokens (OpenAI sk-..., xAI xai-...) are removed even when they are not *our* key:
// a proxy may echo any credential back in its error text.
const KEY_SHAPED = /\b(sk|xai|gsk|pk)-[A-Za-z0-9_-]{8,}/g;
const BEARER = /\bBearer\s+[^\s"',]+/gi;
const MAX_SERVER_MESSAGE = 500;

/** Removes the configured key (and anything key-shaped) from text that may end up in errors or logs. */
export function redactSecrets(text: string, apiKey: string | undefined): string {
  let result = text;
  if (apiKey && apiKey.length >= 4) result = result.split(apiKey).join('[redacted]');
  result = result.replace(KEY_SHAPED, '[redacted]').replace(BEARER, 'Bearer [redacted]');
  return result.length > MAX_SERVER_MESSAGE ? `${result.slice(0, MAX_SERVER_MESSAGE)}…` : result;
}
