// Starts the real server (with the built web app) for browser tests, on a free port and a fresh data dir.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../../server/db/open.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB = path.join(ROOT, 'web');
const BUILT_INDEX = path.join(WEB, 'dist', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds web/dist when it is missing or older than any source the build reads. */
export function ensureWebBuild(): void {
  const sources = Math.max(newestMtime(path.join(WEB, 'src')), newestMtime(path.join(WEB, 'public')), statSync(path.join(WEB, 'index.html')).mtimeMs, statSync(path.join(WEB, 'vite.config.ts')).mtimeMs);
  if (existsSync(BUILT_INDEX) && statSync(BUILT_INDEX).mtimeMs >= sources) return;
  // vitest sets NODE_ENV=test, which would give a development React bundle: build what users get
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`web build failed (exit ${result.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`server exited early (code ${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy after ${timeoutMs / 1000} s:\n${output()}`);
}

export interface RunningServer {
  url: string;
  /**
   * Stops the server, lets `change` edit its database in this process (e.g. move a task's dates back, as if
   * days had passed: the server's clock cannot be moved), and starts it again on the same port and data.
   */
  restart(change?: (db: Db) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

interface ServerProcess {
  child: ChildProcess;
  log: () => string;
  stopping: boolean;
}

function spawnServer(port: number, dataDir: string, env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development', SEED_DEMO_SIGNING: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const proc: ServerProcess = { child, log: () => log, stopping: false };
  // A server that dies under a test leaves only "connection refused" behind: say how it ended.
  child.once('exit', (code, signal) => {
    if (!proc.stopping) console.error(`e2e server exited during the tests (code ${code}, signal ${signal}):\n${log}`);
  });
  return proc;
}

async function stopProcess(proc: ServerProcess) {
  proc.stopping = true;
  if (exited(proc.child)) return;
  proc.child.kill('SIGTERM');
  if (!(await waitForExit(proc.child, 10_000))) {
    proc.child.kill('SIGKILL');
    await waitForExit(proc.child, 5_000);
  }
}

/** `env`: settings of this server on top of the test defaults (e.g. a remote-signing service on loopback). */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  ensureWebBuild();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vps-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let proc = spawnServer(port, dataDir, env);
  const stop = async () => {
    await stopProcess(proc);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const healthy = async () => {
    try {
      await waitForHealth(url, proc.child, proc.log, 90_000);
    } catch (err) {
      await stop();
      throw err;
    }
  };
  await healthy();
  const restart = async (change?: (db: Db) => Promise<void>) => {
    await stopProcess(proc);
    if (change) {
      const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
      try {
        await change(database.db);
      } finally {
        await database.close();
      }
    }
    proc = spawnServer(port, dataDir, env);
    await healthy();
  };
  return { url, restart, stop };
}
