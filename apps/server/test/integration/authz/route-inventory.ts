import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { GATEWAY_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants.js';
import type { GlobalRole } from '@xieshang/protocol';
import { PUBLIC_KEY, ROLES_KEY } from '../../../src/auth/auth.decorators.js';

/** One HTTP route and what the global AuthGuard demands of it. */
export interface RouteAccess {
  method: string;
  path: string;
  handler: string;
  /** `public` (no login), `signed-in` (any account), or `roles: a, b` (those global roles only). */
  access: string;
}

/** One socket.io message handler; its gateway authenticates the handshake. */
export interface SocketHandler {
  gateway: string;
  message: string;
  handler: string;
}

// Controllers and handlers as Nest sees them: classes and methods carrying decorator metadata.
type Callable = (...args: never[]) => unknown;

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');
const paths = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [v === undefined ? '' : String(v)]);

function describeAccess(reflector: Reflector, targets: [Callable, Callable]): string {
  if (reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return 'public';
  const roles = reflector.getAllAndOverride<GlobalRole[] | undefined>(ROLES_KEY, targets);
  return roles?.length ? `roles: ${[...roles].sort().join(', ')}` : 'signed-in';
}

/**
 * Every controller route and socket handler of the running app, read from Nest's own metadata
 * (the same metadata the router and AuthGuard use), sorted so the list diffs cleanly.
 */
export function collectAuthorizationMap(app: INestApplication, globalPrefix = 'api') {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const controller = wrapper.metatype as unknown as Callable;
    const prototype = Object.getPrototypeOf(instance) as Record<string, Callable>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const fn = prototype[name]!;
      const methodPath = Reflect.getMetadata(PATH_METADATA, fn) as unknown;
      if (methodPath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod] ?? '?';
      for (const base of paths(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const sub of paths(methodPath)) {
          routes.push({
            method,
            path: join(globalPrefix, base, sub),
            handler: `${controller.name}.${name}`,
            access: describeAccess(reflector, [fn, controller]),
          });
        }
      }
    }
  }
  routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));

  const sockets: SocketHandler[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype || !Reflect.getMetadata(GATEWAY_METADATA, wrapper.metatype)) continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, Callable>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const message = Reflect.getMetadata(MESSAGE_METADATA, prototype[name]!) as string | undefined;
      if (message !== undefined) sockets.push({ gateway: wrapper.metatype.name, message, handler: name });
    }
  }
  sockets.sort((a, b) => a.gateway.localeCompare(b.gateway) || a.message.localeCompare(b.message));
  return { routes, sockets };
}

/** "METHOD /path" of every route Express actually registered (Express 5 router internals). */
export function registeredExpressRoutes(app: INestApplication): string[] | null {
  const express = app.getHttpAdapter().getInstance() as {
    router?: { stack?: unknown[] };
    _router?: { stack?: unknown[] };
  };
  const stack = (express.router ?? express._router)?.stack;
  if (!Array.isArray(stack)) return null;
  const out: string[] = [];
  for (const layer of stack as { route?: { path: string | string[]; methods: Record<string, boolean> } }[]) {
    if (!layer.route) continue;
    for (const path of paths(layer.route.path)) {
      for (const [m, on] of Object.entries(layer.route.methods))
        if (on && m !== '_all') out.push(`${m.toUpperCase()} ${path}`);
    }
  }
  return out.sort();
}
