// Starts the API on a host and port over an open store; used by `marsad serve`, the tests and the bench.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { AppDeps } from '../app/deps.js';
import { createApp, type AppOptions } from './app.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(deps: AppDeps, opts: AppOptions & { host?: string; port?: number } = {}): Promise<RunningServer> {
  const { app } = createApp(deps, opts);
  const host = opts.host ?? '127.0.0.1';
  let server: ServerType;
  const info = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 8080 }, resolve);
    server.once('error', reject);
  });
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${info.port}`,
    port: info.port,
    close: () =>
      new Promise<void>((resolve) => {
        // Idle keep-alive connections would hold close() open; end them.
        const s = server as ServerType & { closeAllConnections?: () => void };
        server.close(() => resolve());
        s.closeAllConnections?.();
      }),
  };
}
