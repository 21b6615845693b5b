import {
  QUIET_POLICIES,
  upstreamInfrastructureForTests,
} from '../upstream/upstream-pipeline.test-helpers';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Test } from '@nestjs/testing';
import { GatewayConfigModule } from '../config/config.module';
import type { GatewayConfig, TeamConfig } from '../config/gateway-config.schema';
import { teamContextOf, type TeamContext } from '../teams/team-context';
import { AppCenterAdapter } from './app-center.adapter';
import { AppWarehouseAdapter } from './app-warehouse.adapter';
import { WorkspaceModule } from './workspace.module';

const PROJECT = '0123456789abcdef0123456789abcdef';

/** A tiny stand-in for IAM and App Center over real HTTP: the first token it issues is refused. */
function fakeHuaweiCloud(): { server: Server; seen: string[] } {
  const seen: string[] = [];
  let issued = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url} ${String(req.headers['x-auth-token'] ?? '-')}`);
    req.resume();
    req.on('end', () => {
      if (req.url === '/iam/v3/auth/tokens') {
        res.writeHead(201, {
          'content-type': 'application/json',
          'x-subject-token': `tok-${++issued}`,
        });
        res.end(JSON.stringify({ token: { expires_at: '2999-01-01T00:00:00.000000Z' } }));
      } else if (req.headers['x-auth-token'] === 'tok-1') {
        res.writeHead(401, { 'content-type': 'application/json', 'x-request-id': 'r-401' });
        res.end(JSON.stringify({ error_code: 'WKS.0401', error_msg: 'token expired' }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r-ok' });
        res.end(JSON.stringify({ id: 'x-1', name: 'notepad', catalog_id: 1 }));
      }
    });
  });
  return { server, seen };
}

describe('WorkspaceModule', () => {
  const { server, seen } = fakeHuaweiCloud();
  let team: TeamContext;
  let config: GatewayConfig;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const acme: TeamConfig = {
      displayName: 'Acme',
      workspace: {
        region: 'cn-north-4',
        projectId: PROJECT,
        endpoints: { appCenter: `${base}/wks`, appWarehouse: `${base}/app`, iam: `${base}/iam` },
        auth: { type: 'password', domainName: 'acct', userName: 'u', password: 'pw' },
      },
    };
    team = teamContextOf('acme', acme);
    config = {
      ...QUIET_POLICIES,
      teams: { acme },
      iam: { tokenExpiryMarginSeconds: 900 },
    } as unknown as GatewayConfig;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('wires both adapters, and a refused token is replaced once over real HTTP', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ...upstreamInfrastructureForTests(),
        GatewayConfigModule.forRoot(config),
        WorkspaceModule,
      ],
    }).compile();
    expect(moduleRef.get(AppWarehouseAdapter).provider).toBe('app-warehouse');

    const app = await moduleRef.get(AppCenterAdapter).publish(team, {
      provider: 'app-center',
      name: 'notepad',
      version: '1',
      description: 'd',
      authorizationType: 'ALL_USER',
      fileStore: { storeType: 'LINK', link: 'https://example.com/np.exe' },
      installType: 'GUI_INSTALL',
      os: 'Windows',
      catalogId: '1',
    });

    expect(app).toMatchObject({ id: 'app-center:x-1', appCenter: { catalogId: '1' } });
    expect(seen).toEqual([
      'POST /iam/v3/auth/tokens -',
      `POST /wks/v1/${PROJECT}/app-center/apps tok-1`,
      'POST /iam/v3/auth/tokens -',
      `POST /wks/v1/${PROJECT}/app-center/apps tok-2`,
    ]);
  });
});
