import { once } from 'node:events';
import type { Socket } from 'node:net';
import { HttpService } from '@nestjs/axios';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { GatewayConfigModule } from '../config/config.module';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { startHttpServer } from './http/loopback-server.test-helpers';
import { QUIET_POLICIES, upstreamInfrastructureForTests } from './upstream-pipeline.test-helpers';
import { UndiciAxiosTransport } from './http/undici-axios-adapter';
import { UpstreamModule } from './upstream.module';

async function startModule(config: GatewayConfig): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ...upstreamInfrastructureForTests(),
      GatewayConfigModule.forRoot(config),
      UpstreamModule,
    ],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

describe('UpstreamModule', () => {
  it('sends through the undici transport and closes its pools when the app shuts down', async () => {
    const upstream = await startHttpServer((_req, res) => res.end('{}'));
    // Idle sockets would stay open for a minute: only closing the pool ends this one in time.
    const config = {
      ...QUIET_POLICIES,
      iam: { tokenExpiryMarginSeconds: 900, refreshAheadSeconds: 600 },
      upstreams: {
        ...QUIET_POLICIES.upstreams,
        rainbond: { ...QUIET_POLICIES.upstreams.rainbond, keepAliveTimeoutMs: 60_000 },
      },
      teams: { acme: { rainbond: { baseUrl: upstream.origin } } },
    } as unknown as GatewayConfig;
    upstream.server.keepAliveTimeout = 60_000;
    const moduleRef = await startModule(config);
    const http = moduleRef.get(HttpService);
    expect(http.axiosRef.defaults.adapter).toBe(moduleRef.get(UndiciAxiosTransport).adapter);

    const connected = once(upstream.server, 'connection') as Promise<[Socket]>;
    await http.axiosRef.get(`${upstream.origin}/`);
    const [socket] = await connected;
    const socketClosed = once(socket, 'close');

    await moduleRef.close();
    await socketClosed;
    await upstream.close();
  });

  it('warns loudly at start about an upstream whose certificates are not verified', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation();
    const config = {
      ...QUIET_POLICIES,
      iam: { tokenExpiryMarginSeconds: 900, refreshAheadSeconds: 600 },
      upstreams: {
        ...QUIET_POLICIES.upstreams,
        rainbond: { ...QUIET_POLICIES.upstreams.rainbond, tls: { rejectUnauthorized: false } },
      },
      teams: {},
    } as unknown as GatewayConfig;
    const moduleRef = await startModule(config);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('TLS CERTIFICATES ARE NOT VERIFIED for upstream rainbond'),
    );
    await moduleRef.close();
    warn.mockRestore();
  });
});
