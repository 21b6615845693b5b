import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicationsModule } from './applications/applications.module';
import { AuthModule } from './auth/auth.module';
import { GatewayConfigModule } from './config/config.module';
import type { GatewayConfig } from './config/gateway-config.schema';
import { TeamsModule } from './teams/teams.module';

@Module({})
export class AppModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [GatewayConfigModule.forRoot(config), AuthModule, TeamsModule, ApplicationsModule],
    };
  }
}
