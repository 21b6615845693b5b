import { Test } from '@nestjs/testing';
import {
  QUIET_POLICIES,
  upstreamInfrastructureForTests,
} from '../upstream/upstream-pipeline.test-helpers';
import { GatewayConfigModule } from '../config/config.module';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { RainbondAdapter } from './rainbond.adapter';
import { RainbondModule } from './rainbond.module';
import type { ProviderRegistration } from '../applications/provider-registration';
import { RainbondProgressReader } from './rainbond-progress.reader';
import { RAINBOND_REGISTRATIONS } from './rainbond.provider';

describe('RainbondModule', () => {
  it('resolves the adapter and its registrations, progress included, from the gateway config', async () => {
    const config = {
      ...QUIET_POLICIES,
      teams: {},
      iam: { tokenExpiryMarginSeconds: 900, refreshAheadSeconds: 600 },
      progress: { eventsPerComponent: 3 },
    } as unknown as GatewayConfig;
    const moduleRef = await Test.createTestingModule({
      imports: [
        ...upstreamInfrastructureForTests(),
        GatewayConfigModule.forRoot(config),
        RainbondModule,
      ],
    }).compile();
    expect(moduleRef.get(RainbondAdapter).provider).toBe('rainbond');
    const [registration] = moduleRef.get<ProviderRegistration[]>(RAINBOND_REGISTRATIONS);
    expect(registration.progress).toBeInstanceOf(RainbondProgressReader);
    await moduleRef.close();
  });
});
