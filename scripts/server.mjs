// The production HTTP server: Next.js behind a plain Node server that owns the
// client-address header. Without a trusted proxy, whatever X-Forwarded-For a client
// sends is replaced by the socket's address, so audit rows and rate limits cannot be
// spoofed; with GATEPASS_TRUST_PROXY=1 the proxy's header is kept (it appends the peer).
// It also owns what Next.js answers badly on its own: bodies of server-action posts
// over the limit (413 before Next reads them) and action bodies Next cannot decode
// (400 instead of 500); see docs/DECISIONS.md "HTTP".
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

// next.config.ts experimental.serverActions.bodySizeLimit ('256kb'), in bytes.
const ACTION_BODY_LIMIT = 256 * 1024;
const TOO_LARGE = { status: 413, code: 'ERR_ARTIFACT_TOO_LARGE', message: 'This form sent more than the portal accepts (256 KB). Check that you picked the right file; license files and requests are far smaller.' };
const UNREADABLE = { status: 400, code: 'ERR_VALIDATION', message: 'The portal could not read what this page sent. Reload the page and try again.' };

/**
 * A post Next.js may treat as a server action: a fetch action names itself with
 * `Next-Action`; a form posted without JavaScript is multipart or urlencoded. Route
 * handlers (/api/..., /support/seats/.../reissue) read their own bodies with their own caps.
 */
function isActionPost(req) {
  if (req.method !== 'POST') return false;
  if (req.headers['next-action']) return true;
  const path = (req.url ?? '/').split('?')[0];
  if (path.startsWith('/api/') || path.endsWith('/reissue')) return false;
  return /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(req.headers['content-type'] ?? '');
}

/**
 * The usual JSON error to a fetch action, and a small page to a form posted without JavaScript.
 * The connection stays open: what is left of the body is read and dropped, so a client still
 * writing reads the answer instead of a reset (closing the socket under it is EPIPE there).
 */
function sendFailure(req, res, failure, original = res) {
  const html = !req.headers['next-action'] && /text\/html/.test(req.headers.accept ?? '');
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  const body = html
    ? `<!doctype html><meta charset="utf-8"><title>Gatepass</title><p>${failure.message}</p><p><a href="${(req.url ?? '/').split('?')[0]}">Back</a></p>`
    : JSON.stringify({ error: { code: failure.code, message: failure.message } });
  original.writeHead.call(res, failure.status, {
    'content-type': html ? 'text/html; charset=utf-8' : 'application/json',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  original.end.call(res, body);
}

/**
 * Guards one action post: counts the body as the socket delivers it and answers 413
 * the moment it passes the limit (what is left is read and dropped, so the client gets
 * the answer instead of a reset connection); and turns a 500 from Next.js, which is
 * what it answers when it cannot decode an action body, into a 400. Our actions never
 * throw (runPortalAction, staffAction catch), so a 500 here is always the body's fault.
 */
function guardActionPost(req, res) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  let answered = false;
  const answer = (failure) => {
    if (answered || res.headersSent) return;
    answered = true;
    sendFailure(req, res, failure, original);
    console.warn(`[server] ${req.method} ${(req.url ?? '').slice(0, 200)}: answered ${failure.status} (${failure.code})`);
  };
  let received = 0;
  const push = req.push;
  req.push = function (chunk, encoding) {
    if (chunk === null) return push.call(this, chunk, encoding);
    received += chunk.length;
    if (received > ACTION_BODY_LIMIT || answered) {
      answer(TOO_LARGE);
      return true; // drop it: Next never sees more than the limit
    }
    return push.call(this, chunk, encoding);
  };
  const takeOver = () => {
    if (!answered && !res.headersSent && res.statusCode === 500) answer(UNREADABLE);
    return answered;
  };
  res.writeHead = function (status, ...rest) {
    if (status === 500) res.statusCode = 500;
    if (takeOver()) return res;
    return original.writeHead.call(this, status, ...rest);
  };
  res.write = function (chunk, encoding, callback) {
    if (takeOver()) {
      (typeof encoding === 'function' ? encoding : callback)?.();
      return true;
    }
    return original.write.call(this, chunk, encoding, callback);
  };
  res.end = function (chunk, encoding, callback) {
    if (takeOver()) {
      (typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : callback)?.();
      return res;
    }
    return original.end.call(this, chunk, encoding, callback);
  };
}

const server = http.createServer((req, res) => {
  if (process.env.GATEPASS_TRUST_PROXY !== '1') req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
  if (hasBrokenEscape(req.url)) {
    res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ error: { code: 'ERR_VALIDATION', message: 'This address has a broken %-escape. Check the link, or type the address again.' } }));
    return;
  }
  // API answers are small JSON, mostly base64 text: gzip would cost both sides more CPU
  // than it saves bytes (docs/DECISIONS.md "HTTP"). A reverse proxy may still compress.
  if (req.url?.startsWith('/api/')) delete req.headers['accept-encoding'];
  if (isActionPost(req)) {
    if (Number(req.headers['content-length']) > ACTION_BODY_LIMIT) {
      req.resume(); // read and drop the declared body (see sendFailure)
      sendFailure(req, res, TOO_LARGE);
      return;
    }
    guardActionPost(req, res);
  }
  handle(req, res);
});
// Set on purpose: a reverse proxy or client that reuses an idle connection must never
// meet one this server has just closed, so ours stays open longer than the usual
// 60 s idle timeout of proxies and load balancers; headersTimeout must exceed it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.requestTimeout = 5 * 60_000;
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
