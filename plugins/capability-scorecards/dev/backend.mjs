/* eslint-disable no-console */
// The dev app's stand-in for a Backstage backend: like the proxy plugin and the catalog backend it
// answers /api/proxy/capability-scorecards/* and /api/catalog/* — here by forwarding both to the
// Capability Scorecards service (its Backstage-compatible catalog API) — with CORS for the dev app. Like
// the auth backend's guest provider, /api/auth/guest/refresh signs the dev app's user in as
// user:development/guest (with an unsigned token: the proxy, like `credentials: require`, does not
// pass it on to the service).
// Usage: node dev/backend.mjs <port> <service url> <app origin>
import http from 'node:http';

const [port, service, origin] = process.argv.slice(2);
const PROXY = '/api/proxy/capability-scorecards';

const GUEST = 'user:development/guest';
const base64url = value =>
  Buffer.from(JSON.stringify(value)).toString('base64url');
function guestSession() {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return {
    profile: { displayName: 'Guest' },
    backstageIdentity: {
      token: `${base64url({ alg: 'none' })}.${base64url({
        sub: GUEST,
        ent: [GUEST],
        exp,
      })}.`,
      identity: {
        type: 'user',
        userEntityRef: GUEST,
        ownershipEntityRefs: [GUEST],
      },
    },
  };
}

http
  .createServer(async (req, res) => {
    const cors = {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers':
        'authorization, content-type, x-requested-with',
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    if (req.url === '/api/auth/guest/refresh') {
      res.writeHead(200, { ...cors, 'content-type': 'application/json' });
      res.end(JSON.stringify(guestSession()));
      return;
    }
    let path;
    if (req.url.startsWith(`${PROXY}/`)) path = req.url.slice(PROXY.length);
    else if (req.url.startsWith('/api/catalog/')) path = req.url;
    else {
      res.writeHead(404, { ...cors, 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { name: 'NotFoundError', message: `no route for ${req.url}` },
        }),
      );
      return;
    }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.origin;
    delete headers.authorization;
    try {
      const answer = await fetch(service + path, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const out = { ...cors };
      for (const h of [
        'content-type',
        'content-disposition',
        'cache-control',
        'etag',
      ]) {
        const v = answer.headers.get(h);
        if (v) out[h] = v;
      }
      res.writeHead(answer.status, out);
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch (e) {
      res.writeHead(502, cors).end(String(e));
    }
  })
  .listen(Number(port), () =>
    console.log(`dev backend on ${port} -> ${service}`),
  );
