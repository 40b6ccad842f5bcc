import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json|javascript))|image\/svg\+xml/;

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site the way a static host does: `base` maps to `root`,
 * directories serve index.html, unknown paths get 404.html with status 404.
 * Listens on a free loopback port.
 */
export async function serveStatic(rootDir: string, base = '/', port = 0): Promise<StaticServer> {
  const root = resolve(rootDir);
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) return notFound();
    pathname = '/' + pathname.slice(base.length);
    const file = normalize(join(root, pathname));
    if (!file.startsWith(root)) return notFound();
    try {
      let target = file;
      const info = await stat(target);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` });
          return res.end();
        }
        target = join(target, 'index.html');
        await stat(target);
      }
      send(target, 200);
    } catch {
      notFound();
    }

    function send(path: string, status: number) {
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      // Compress text as every real static host does, so audits and tests see realistic transfer sizes.
      const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      const body = createReadStream(path);
      if (gzip) body.pipe(createGzip()).pipe(res);
      else body.pipe(res);
    }
    function notFound() {
      stat(join(root, '404.html')).then(
        () => send(join(root, '404.html'), 404),
        () => {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('Not found');
        },
      );
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}${base}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
