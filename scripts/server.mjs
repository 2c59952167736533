// The production HTTP server: Next.js behind a plain Node server that owns the
// client-address header. Without a trusted proxy, whatever X-Forwarded-For a client
// sends is replaced by the socket's address, so audit rows and rate limits cannot be
// spoofed; with GATEPASS_TRUST_PROXY=1 the proxy's header is kept (it appends the peer).
import http from 'node:http';
import next from 'next';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.GATEPASS_HOST || undefined;
const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

/** Next.js answers a path with a broken %-escape in a dynamic segment with a bare 500. */
function hasBrokenEscape(url) {
  try {
    decodeURIComponent((url ?? '/').split('?')[0]);
    return false;
  } catch {
    return true;
  }
}

const server = http.createServer((req, res) => {
  if (process.env.GATEPASS_TRUST_PROXY !== '1') req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
  if (hasBrokenEscape(req.url)) {
    res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ error: { code: 'ERR_VALIDATION', message: 'This address has a broken %-escape. Check the link, or type the address again.' } }));
    return;
  }
  handle(req, res);
});
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') console.error(`\nPort ${port} is already in use. Stop the other server, or start on another port: PORT=${port + 1} npm start\n`);
  else if (error.code === 'EACCES') console.error(`\nNot allowed to listen on port ${port}. Choose a port above 1024: PORT=3000 npm start\n`);
  else console.error(`\nGatepass could not listen on port ${port}: ${error.message}\n`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(`Gatepass is listening on http://localhost:${port}${hostname ? ` (bound to ${hostname})` : ''}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
