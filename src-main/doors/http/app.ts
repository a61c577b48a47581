/** createApi(deps): the native HTTP door as an Express app that never listens by itself (see server.ts). */
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import type { JobStore } from '../../journal/job-store.js';
import type { NativeDoorDeps } from './hub-api.js';
import { fastOperation } from './fast-operation.js';
import { bodyErrorHandler, finalErrorHandler, jsonParser, requireJson } from './json-body.js';
import { adminToolRoutes } from './routes/admin-tools.js';
import { deviceRoutes } from './routes/devices.js';
import { jobRoutes } from './routes/jobs.js';
import { manageRoutes } from './routes/manage.js';
import { operationRoutes } from './routes/operation.js';
import { posRoutes } from './routes/pos.js';
import { previewRoutes } from './routes/preview.js';
import { requestLanguage } from './request-language.js';
import { systemRoutes } from './routes/system.js';
import type { AccessPolicy } from './access.js';
import { accessMiddleware, isLoopbackBind, securityHeaders } from './security.js';

/** The native API's access policy (shared by HTTP and the WebSocket): a token when one is set, always off loopback. */
export function nativePolicy(deps: NativeDoorDeps): AccessPolicy {
  const api = () => deps.settings.get().api;
  return {
    allowedHosts: () => api().allowed_hosts,
    allowedOrigins: () => api().allowed_origins,
    token: () => {
      const { token, host } = api();
      const offLoopback = !isLoopbackBind(deps.listenHost ?? host);
      return token !== null || offLoopback ? { required: true, token } : { required: false };
    },
  };
}

export function nativeSecurity(deps: NativeDoorDeps) {
  return accessMiddleware(nativePolicy(deps), { publicPaths: ['/'], publicPrefixes: ['/app'] });
}

/**
 * The built GUI at /app. Looked up on every request, so a GUI built after the hub started is served without a
 * restart; until it is built, /app says how to build it instead of a bare 404.
 */
function guiRoute(dir: string): express.RequestHandler {
  const serve = express.static(dir, { index: 'index.html' });
  const index = join(dir, 'index.html');
  return (req, res, next) => {
    if (existsSync(index)) return serve(req, res, next);
    res
      .status(503)
      .type('text/plain')
      .send('The FisCool GUI is not built yet. Run `npm run build` (or start the hub with `npm run hub`), then reload this page.\n');
  };
}

/** What the native API's server listens with: the fast door for POST /devices/operation, express for the rest. */
export function createNativeListener(deps: NativeDoorDeps, jobs: JobStore): RequestListener {
  const app = createApi(deps, jobs);
  const fast = fastOperation(deps, nativePolicy(deps), deps.settings.get().api.body_limit_kb * 1024);
  return (req, res) => {
    if (!fast(req, res)) app(req, res);
  };
}

export function createApi(deps: NativeDoorDeps, jobs: JobStore): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(securityHeaders({ guiPrefix: '/app' }));
  app.use(nativeSecurity(deps));
  if (deps.guiDir) app.use('/app', guiRoute(deps.guiDir));
  app.use(requireJson());
  app.use(jsonParser(deps.settings.get().api.body_limit_kb));
  app.use(bodyErrorHandler);
  app.use(requestLanguage());
  app.use(systemRoutes(deps, jobs));
  app.use(deviceRoutes(deps));
  app.use(operationRoutes(deps));
  app.use(previewRoutes(deps));
  app.use(jobRoutes(deps));
  app.use(posRoutes(deps));
  app.use(manageRoutes(deps));
  app.use(adminToolRoutes(deps));
  for (const extra of deps.extraRouters ?? []) app.use(extra.path, extra.router);
  app.use((req, res) => {
    res.status(404).json({ status: 404, error: `No such endpoint: ${req.method} ${req.path}` });
  });
  app.use(finalErrorHandler);
  return app;
}
