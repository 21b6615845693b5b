import { Module } from '@nestjs/common';
import { TeamCredentialsGuard } from './team-credentials.guard';
import { TeamRegistry } from './team-registry.service';
import { TeamsController } from './teams.controller';

@Module({
  controllers: [TeamsController],
  providers: [TeamRegistry, TeamCredentialsGuard],
  exports: [TeamRegistry, TeamCredentialsGuard],
})
export class TeamsModule {}
