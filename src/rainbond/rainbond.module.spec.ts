import { Test } from '@nestjs/testing';
import {
  QUIET_POLICIES,
  upstreamInfrastructureForTests,
} from '../upstream/upstream-pipeline.test-helpers';
import { GatewayConfigModule } from '../config/config.module';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { RainbondAdapter } from './rainbond.adapter';
import { RainbondModule } from './rainbond.module';

describe('RainbondModule', () => {
  it('resolves the adapter from the gateway config', async () => {
    const config = {
      ...QUIET_POLICIES,
      teams: {},
      iam: { tokenExpiryMarginSeconds: 900, refreshAheadSeconds: 600 },
    } as unknown as GatewayConfig;
    const moduleRef = await Test.createTestingModule({
      imports: [
        ...upstreamInfrastructureForTests(),
        GatewayConfigModule.forRoot(config),
        RainbondModule,
      ],
    }).compile();
    expect(moduleRef.get(RainbondAdapter).provider).toBe('rainbond');
    await moduleRef.close();
  });
});
