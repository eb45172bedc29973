import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getMimeType } from 'hono/utils/mime';

export interface DistFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/**
 * The absolute file that the URL-encoded `encoded` names inside `dir`, or undefined when it is
 * malformed or would leave `dir` (`..%2F`, absolute paths, NUL bytes).
 */
export function fileInside(dir: string, encoded: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  if (relative === '' || relative.includes('\0')) return undefined;
  const resolved = path.resolve(dir, relative);
  return resolved.startsWith(`${dir}${path.sep}`) ? resolved : undefined;
}

/** Errors meaning "no such file", whatever name a client made up (a directory, a name too long). */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']);

/** A regular file's bytes and content type, or undefined when there is no such file. */
export async function readDistFile(file: string): Promise<DistFile | undefined> {
  try {
    // readFile never hands back shared memory; the type only says it could.
    const body = (await readFile(file)) as Uint8Array<ArrayBuffer>;
    return { body, contentType: getMimeType(file) ?? 'application/octet-stream' };
  } catch (error) {
    if (ABSENT.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}
