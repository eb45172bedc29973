import { readFile } from 'node:fs/promises';
import { InvalidRequestError } from '@promptops/errors';
import { UsageError } from './usage-error';

/** Reads a JSON object given inline (`--context '{"a":1}'`) or from a file (`--context-file x.json`, `-` for stdin). */
export async function readContext(options: { context?: string; contextFile?: string }): Promise<Record<string, unknown>> {
  if (options.context && options.contextFile) throw new InvalidRequestError('give --context or --context-file, not both');
  let text = options.context;
  if (options.contextFile) {
    try {
      text = options.contextFile === '-' ? await readStdin() : await readFile(options.contextFile, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read --context-file ${options.contextFile}: ${(error as Error).message}`);
    }
  }
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidRequestError(`context is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidRequestError('context must be a JSON object');
  return value as Record<string, unknown>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
