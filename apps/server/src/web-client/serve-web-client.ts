import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';

/** The built web client (apps/web/dist), relative to this file in src/ or dist/. */
export const DEFAULT_WEB_DIST = resolve(import.meta.dirname, '../../../web/dist');

/**
 * Serves the single-page web client: hashed assets cached for a year, index.html never cached,
 * and every non-API GET path answered with index.html so client-side routes survive a reload.
 */
export function serveWebClient(dir: string) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const assets = express.static(dir, {
    index: false,
    setHeaders: (res, path) => {
      if (path.includes(`${join(dir, 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api') || req.path.startsWith('/collab') || req.path.startsWith('/socket.io')) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    assets(req, res, () => {
      res.setHeader('Cache-Control', 'no-store');
      res.sendFile(index);
    });
  };
}
