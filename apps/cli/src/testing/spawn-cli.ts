import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `promptops <args>` in a real child process (not a TTY, so progress comes as plain lines),
 * with `env` over this process's environment minus any PROMPTOPS_API_KEY the caller did not set.
 */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; stderrSoFar: () => string; result: Promise<CliResult> } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.PROMPTOPS_API_KEY;
  Object.assign(childEnv, env);
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const result = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, stderrSoFar: () => stderr, result };
}
