import type { FastifyInstance } from 'fastify';
import { ProblemError } from './problem';

interface RoutePattern {
  matches: RegExp;
  methods: Set<string>;
  /** A route for every path (the CORS preflight `*`): adds to Allow, never makes a path known. */
  everyPath: boolean;
}

/** `/v1/teams/:team/applications` → a RegExp matching the concrete paths of that route. */
export function routePatternRegExp(url: string): RegExp {
  const source = url
    .split(/(:[A-Za-z0-9_]+|\*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** The methods routes accept on this path, or none when no route but catch-alls matches it. */
export function allowedMethods(routes: readonly RoutePattern[], path: string): string[] {
  const matching = routes.filter((route) => route.matches.test(path));
  if (!matching.some((route) => !route.everyPath)) return [];
  return [...new Set(matching.flatMap((route) => [...route.methods]))].sort();
}

/**
 * A request the router found no route for: 405 with `Allow` when the path is served under other
 * methods, else Nest's 404. The route table is collected as routes register, so call this before
 * the app initialises; the check costs nothing on matched routes.
 */
export function registerMethodNotAllowed(fastify: FastifyInstance): void {
  const routes: RoutePattern[] = [];
  fastify.addHook('onRoute', (route) => {
    const methods = [route.method].flat().map((method) => method.toUpperCase());
    routes.push({
      matches: routePatternRegExp(route.url),
      methods: new Set(methods),
      everyPath: route.url === '*' || route.url === '/*',
    });
  });
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (!request.is404) return done();
    const allow = allowedMethods(routes, request.url.split('?')[0]);
    if (allow.length === 0) return done();
    done(
      ProblemError.of('method-not-allowed', `This path accepts ${allow.join(', ')}.`, {
        headers: { allow: allow.join(', ') },
      }),
    );
  });
}
