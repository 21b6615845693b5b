import {
  COPY_EXAMPLE,
  INSTALL_EXAMPLE,
  PUBLISH_EXAMPLES,
  UPGRADE_EXAMPLE,
} from '../src/applications/applications.examples';
import type { SandboxTarget } from '../sandbox/sandbox';
import { SANDBOX_WORLD } from '../sandbox/sandbox-world';
import {
  ACME_ONLY_KEY,
  DEMO_KEY,
  expectProblem,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

/**
 * OWASP API1 (broken object-level authorization): a caller allowed on team acme only sends every
 * route at team globex, at globex's application under acme's path, and with a globex copy target.
 */
const TARGETS: SandboxTarget[] = ['rainbond', 'app-center', 'app-warehouse', 'iam'];
const GLOBEX_APP = 'rainbond:region-1:2';
const ACME_APP = 'rainbond:region-1:1';
const { acme: ACME, globex: GLOBEX } = SANDBOX_WORLD.rainbond.teams;

interface Route {
  name: string;
  /** Whether the path names an application. */
  takesId: boolean;
  path: (team: string, id: string) => string;
  body: unknown;
}

const ROUTES: Route[] = [
  {
    name: 'publish to the App Center',
    takesId: false,
    path: (team) => `/v1/teams/${team}/applications`,
    body: PUBLISH_EXAMPLES.appCenter.value,
  },
  {
    name: 'publish to the App Warehouse',
    takesId: false,
    path: (team) => `/v1/teams/${team}/applications`,
    body: PUBLISH_EXAMPLES.appWarehouse.value,
  },
  {
    name: 'install',
    takesId: true,
    path: (team, id) => `/v1/teams/${team}/applications/${id}/install`,
    body: INSTALL_EXAMPLE.value,
  },
  {
    name: 'copy',
    takesId: true,
    path: (team, id) => `/v1/teams/${team}/applications/${id}/copy`,
    body: { target: { team: 'acme', applicationId: 'rainbond:region-2:3' } },
  },
  {
    name: 'upgrade',
    takesId: true,
    path: (team, id) => `/v1/teams/${team}/applications/${id}/upgrade`,
    body: UPGRADE_EXAMPLE.value,
  },
];

describe('team isolation matrix', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  const upstreamCalls = () => TARGETS.flatMap((target) => gateway.sandbox.calls(target));

  describe.each(ROUTES)('$name', (route) => {
    it("answers 404 for the other team's path, exactly as for an unknown team, calling no upstream", async () => {
      const forbidden = await gateway.request('POST', route.path('globex', GLOBEX_APP), {
        body: route.body,
        key: ACME_ONLY_KEY,
      });
      const unknown = await gateway.request('POST', route.path('initech', GLOBEX_APP), {
        body: route.body,
        key: ACME_ONLY_KEY,
      });
      const forbiddenProblem = expectProblem(forbidden, 404);
      const unknownProblem = expectProblem(unknown, 404);
      expect(forbiddenProblem.detail.replace('globex', 'X')).toBe(
        unknownProblem.detail.replace('initech', 'X'),
      );
      expect(upstreamCalls()).toEqual([]);
    });

    it('lets a caller allowed on that team through (the matrix is not vacuous)', async () => {
      const response = await gateway.request('POST', route.path('globex', GLOBEX_APP), {
        body:
          route.name === 'copy'
            ? { target: { team: 'globex', applicationId: GLOBEX_APP } }
            : route.body,
        key: DEMO_KEY,
      });
      expect(response.status).toBeLessThan(300);
      expect(upstreamCalls().length).toBeGreaterThan(0);
    });
  });

  describe.each(ROUTES.filter((route) => route.takesId))(
    "$name of the other team's application under the caller's own team",
    (route) => {
      it("answers 404: upstream is asked only within the caller's team, which does not hold it", async () => {
        const response = await gateway.request('POST', route.path('acme', GLOBEX_APP), {
          body: route.body,
          key: ACME_ONLY_KEY,
        });
        expectProblem(response, 404);
        const calls = gateway.sandbox.calls('rainbond');
        expect(calls.length).toBeGreaterThan(0);
        for (const call of calls) {
          expect(call.path).toContain(`/teams/${ACME.tenantName}/`);
          expect(call.path).not.toContain(GLOBEX.tenantName);
          expect(call.headers.authorization).toBe(gateway.sandbox.secrets.rainbondTokens.acme);
        }
      });
    },
  );

  it('answers 404 for a copy target team the caller may not use, calling no upstream', async () => {
    const response = await gateway.request('POST', `/v1/teams/acme/applications/${ACME_APP}/copy`, {
      body: COPY_EXAMPLE.value,
      key: ACME_ONLY_KEY,
    });
    expectProblem(response, 404);
    expect(upstreamCalls()).toEqual([]);
  });

  it('lists only the teams the caller may use', async () => {
    const response = await gateway.request('GET', '/v1/teams', { key: ACME_ONLY_KEY });
    expect(response.body.items.map((team: { key: string }) => team.key)).toEqual(['acme']);
  });
});
