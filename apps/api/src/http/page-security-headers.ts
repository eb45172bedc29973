/**
 * Content-Security-Policy of the HTML pages this server renders (the console and the API reference).
 * Everything comes from this origin, so self-hosters running air-gapped lose nothing, and a page
 * can never send data elsewhere. Styles allow 'unsafe-inline' because Radix, CodeMirror and Swagger
 * UI set style attributes and inject style tags at run time; scripts stay strictly 'self'.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every HTML page: the policy above, no framing, no MIME sniffing, no referrer leaks. */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};
