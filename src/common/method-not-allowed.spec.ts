import { allowedMethods, routePatternRegExp } from './method-not-allowed';

const route = (url: string, methods: string[], everyPath = false) => ({
  matches: routePatternRegExp(url),
  methods: new Set(methods),
  everyPath,
});

describe('routePatternRegExp', () => {
  it('matches one path segment per parameter, and the whole path', () => {
    const pattern = routePatternRegExp('/v1/teams/:team/applications/:id/install');
    expect(pattern.test('/v1/teams/acme/applications/rainbond:region-1:1/install')).toBe(true);
    expect(pattern.test('/v1/teams/acme/x/applications/1/install')).toBe(false);
    expect(pattern.test('/v1/teams/acme/applications/1/install/more')).toBe(false);
  });

  it('treats other characters literally and * as any rest', () => {
    expect(routePatternRegExp('/docs-json').test('/docs-json')).toBe(true);
    expect(routePatternRegExp('/a.b').test('/aXb')).toBe(false);
    expect(routePatternRegExp('/docs/*').test('/docs/swagger-ui.css')).toBe(true);
  });
});

describe('allowedMethods', () => {
  const routes = [
    route('/v1/teams', ['GET']),
    route('/v1/teams', ['HEAD']),
    route('/v1/teams/:team/catalogs', ['GET', 'HEAD']),
    route('*', ['OPTIONS'], true),
  ];

  it('lists every method of the routes matching the path, catch-alls included', () => {
    expect(allowedMethods(routes, '/v1/teams')).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(allowedMethods(routes, '/v1/teams/acme/catalogs')).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it('knows no methods for a path only a catch-all matches', () => {
    expect(allowedMethods(routes, '/v1/nothing')).toEqual([]);
  });
});
