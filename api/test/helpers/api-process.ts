import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** The real API (`src/main.ts`) in a process of its own, as `npm start` and the Docker image run it. */
export interface ApiProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** What it printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves once it printed « API ready »; rejects if it exits before. */
  ready: Promise<void>;
  /** Resolves when it exits, with when (Date.now()). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** SIGKILL if still running. */
  kill(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const API_DIR = path.resolve(__dirname, '../..');

export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ESSOR_MIGRATE: '0',
      ESSOR_RESPONSE_CACHE: '0',
      // « API ready » and the shutdown lines are info lines (npm test -w api runs at warn).
      ESSOR_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (out.includes('API ready')) {
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    exited.then(({ code, signal }) =>
      reject(new Error(`the API exited (${code ?? signal}) before being ready:\n${out}\n${err}`)),
    );
  });
  ready.catch(() => {});
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    stdout: () => out,
    stderr: () => err,
    ready,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
