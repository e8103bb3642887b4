export interface Platform {
  /** Origin of the API, which also serves the built SPAs (`http://127.0.0.1:<port>`). */
  baseUrl: string;
  databaseUrl: string;
  /** Kills the API and stops PostgreSQL; safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartPlatformOptions {
  /** Receives the API's output lines (by default printed only if startup fails). */
  log?: (line: string) => void;
  readyTimeoutMs?: number;
  webPublicDir?: string;
  webAdminDir?: string;
}

export function startPlatform(options?: StartPlatformOptions): Promise<Platform>;
