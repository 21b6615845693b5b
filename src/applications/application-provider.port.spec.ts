import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import type { ProviderName } from './application-id';
import type { ProviderRegistration } from './provider-registration';
import { ProviderRegistry } from './application-provider.port';

const TEAM: TeamContext = { key: 'acme', displayName: 'Acme' };

class BodyA {
  provider!: 'app-center';
}
class BodyB {
  provider!: 'app-warehouse';
}

function registration(
  provider: ProviderName,
  extra: Partial<ProviderRegistration> = {},
  sources = 1,
): ProviderRegistration {
  return {
    provider,
    ids: `${provider} ids`,
    reader: {
      sources: () =>
        Array.from({ length: sources }, () => ({
          name: provider,
          provider,
          page: () => Promise.resolve({ items: [], total: 0 }),
        })),
      get: () => Promise.reject(new Error('not read here')),
    },
    ...extra,
  };
}

const publisher = () => ({ publish: jest.fn() });

function problemOf(run: () => unknown): ProblemError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    return error as ProblemError;
  }
  throw new Error('expected a problem');
}

describe('ProviderRegistry', () => {
  const a = publisher();
  const b = publisher();
  const installer = { install: jest.fn() };
  const progress = { progress: jest.fn() };
  const registry = new ProviderRegistry([
    registration('app-warehouse', { publish: { requestClass: BodyB, publisher: b } }),
    registration('rainbond', { installer, progress }),
    registration('app-center', { publish: { requestClass: BodyA, publisher: a } }, 0),
  ]);

  it("picks a publish body's DTO class and publisher from its provider", () => {
    expect(registry.publishRoute('app-warehouse')).toEqual({ requestClass: BodyB, publisher: b });
    expect(registry.publishRoute('app-center')).toEqual({ requestClass: BodyA, publisher: a });
  });

  it.each([['rainbond'], ['nope'], [undefined], [7]])(
    'refuses provider %p with the publishing providers in order',
    (provider) => {
      expect(problemOf(() => registry.publishRoute(provider)).extras.errors).toEqual([
        { field: 'provider', message: 'must be one of app-center, app-warehouse' },
      ]);
    },
  );

  it('gives an app operation to the provider the id names', () => {
    expect(registry.installer({ provider: 'rainbond', region: 'r', appId: 1 })).toBe(installer);
  });

  it("refuses an operation the id's provider lacks, naming the ids that have it", () => {
    const problem = problemOf(() => registry.installer({ provider: 'app-center', appId: 'x' }));
    expect(problem.extras.errors).toEqual([
      { field: 'id', message: 'install applies to rainbond ids only' },
    ]);
  });

  it("reads progress through the id's provider, and refuses an id whose provider has none", () => {
    expect(registry.progressReader({ provider: 'rainbond', region: 'r', appId: 1 })).toBe(progress);
    const problem = problemOf(() =>
      registry.progressReader({ provider: 'app-center', appId: 'x' }),
    );
    expect(problem.extras.errors).toEqual([
      { field: 'id', message: 'app-center applications have no progress' },
    ]);
  });

  it('lists readers in provider order, whatever the registration order', () => {
    const names = registry.readers().flatMap((reader) => reader.sources(TEAM).map((s) => s.name));
    expect(names).toEqual(['rainbond', 'app-warehouse']);
  });

  it('offers the catalogs only of providers the team has an account on', () => {
    const catalog = { catalogs: jest.fn() };
    const withCatalogs = new ProviderRegistry([
      registration('app-center', { catalog }, 0),
      registration('app-warehouse', { catalog }),
    ]);
    expect(withCatalogs.catalogsFor(TEAM)).toEqual([{ provider: 'app-warehouse', catalog }]);
  });
});
