/**
 * Where to go after signing in: only a path on this origin, so a crafted `?next=https://evil`
 * (or `//evil`, or `/\evil`) cannot turn the sign-in page into an open redirect.
 */
export function safeNextPath(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/sign-in')) return '/templates';
  return next;
}
