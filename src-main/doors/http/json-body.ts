/** JSON body handling for POST routes: 415 for other content types, 400 for malformed JSON, 413 over the limit. */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';

export function requireJson(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' && req.method !== 'PUT') return next();
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    if (!type.startsWith('application/json')) {
      return void res.status(415).json({ status: 415, error: 'Content-Type must be application/json' });
    }
    next();
  };
}

export function jsonParser(limitKb: number): RequestHandler {
  return express.json({ limit: `${limitKb}kb`, strict: false, type: 'application/json' });
}

export const bodyErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  const e = err as { type?: string; status?: number; limit?: number; message?: string };
  if (e.type === 'entity.too.large') {
    return void res.status(413).json({ status: 413, error: `Request body is larger than the limit (${Math.round((e.limit ?? 0) / 1024)} KB)` });
  }
  if (e.type === 'entity.parse.failed') {
    return void res.status(400).json({ status: 400, error: `Request body is not valid JSON: ${e.message ?? ''}`.trim() });
  }
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return void res.status(415).json({ status: 415, error: 'Request body must be UTF-8 JSON' });
  }
  next(err);
};

export const finalErrorHandler: ErrorRequestHandler = (_err, _req, res, _next) => {
  res.status(500).json({ status: 500, error: 'Internal error; see the FisCool log' });
};
