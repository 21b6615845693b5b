import { createServer, type IncomingMessage } from 'node:http';
import { Pool } from 'undici';

/**
 * The baseline: the least a Node proxy can do. Every request is forwarded with its method, path,
 * headers and body to UPSTREAM_ORIGIN over one keep-alive undici Pool (the gateway's transport and
 * its default pool size), and the answer is sent back. Bodies are read whole, as the gateway reads
 * them. No routing, auth, validation or logging.
 *
 * Env: PORT, UPSTREAM_ORIGIN.
 */
const upstream = new Pool(process.env.UPSTREAM_ORIGIN!, { connections: 64, pipelining: 1 });

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host']);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const server = createServer((request, response) => {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  readBody(request)
    .then((body) =>
      upstream.request({ method: request.method as 'POST', path: request.url!, headers, body }),
    )
    .then(async (answer) => {
      const body = Buffer.from(await answer.body.arrayBuffer());
      response.writeHead(answer.statusCode, {
        'content-type': String(answer.headers['content-type'] ?? 'application/octet-stream'),
        'content-length': body.length,
      });
      response.end(body);
    })
    .catch(() => {
      response.writeHead(502).end();
    });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.once('SIGTERM', () => process.exit(0));
