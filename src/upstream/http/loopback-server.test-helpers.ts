import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import axios, { type AxiosInstance } from 'axios';
import { UndiciAxiosTransport, type PoolSettings } from './undici-axios-adapter';

export interface Loopback<S extends Server | TcpServer = Server> {
  server: S;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  close(): Promise<void>;
}

async function listen<S extends Server | TcpServer>(server: S): Promise<Loopback<S>> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP server on loopback that forgets its sockets when closed. */
export function startHttpServer(handler: RequestListener): Promise<Loopback> {
  return listen(createServer(handler));
}

/** A TCP server that accepts connections and never says a word (no HTTP, no TLS). */
export function startSilentTcpServer(): Promise<Loopback<TcpServer>> {
  return listen(createTcpServer());
}

export const TEST_POOL: PoolSettings = {
  connections: 8,
  connectTimeoutMs: 1_000,
  keepAliveTimeoutMs: 4_000,
  headersTimeoutMs: 5_000,
  bodyTimeoutMs: 5_000,
};

/** An axios instance sending through a fresh transport; close the transport after the test. */
export function axiosOverUndici(settings: Partial<PoolSettings> = {}): {
  http: AxiosInstance;
  transport: UndiciAxiosTransport;
} {
  const transport = new UndiciAxiosTransport(() => ({ ...TEST_POOL, ...settings }));
  return { http: axios.create({ adapter: transport.adapter }), transport };
}
