// The embedded PostgreSQL of `npm start`, in a process of its own that scripts/start.mjs starts
// detached (its own process group). Ctrl-C in the terminal signals the whole foreground group:
// PostgreSQL in that group would get SIGINT too, and SIGINT is its « fast shutdown », which ends
// every connection at once, before the API has finished its requests. Detached, it stops only
// when start.mjs asks (after the API has exited), or when start.mjs is gone (IPC disconnect).
// Messages: → { type: 'ready', url } | { type: 'error', message }; ← { type: 'stop' }.
import { FriendlyError, startEmbeddedPostgres } from '../api/scripts/embedded-pg.mjs';

const { dataDir, port } = JSON.parse(process.argv[2]);
const starting = startEmbeddedPostgres({ dataDir, port });
let stopping = false;

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  // Asked to stop while starting: once started (a server half started would be left orphaned).
  const pg = await starting.catch(() => null);
  await pg?.stop().catch(() => {});
  process.exit(code);
}

process.on('message', (m) => m?.type === 'stop' && stop(0));
process.on('disconnect', () => stop(0));

try {
  const pg = await starting;
  if (process.connected) process.send({ type: 'ready', url: pg.url('postgres') });
} catch (e) {
  if (process.connected) process.send({ type: 'error', message: e instanceof FriendlyError ? e.message : String(e?.stack ?? e) });
  await stop(1);
}
