import { ApiProperty } from '@nestjs/swagger';

/** The links every write answer carries to follow its asynchronous work. */
export class MonitorLinks {
  @ApiProperty({ example: '/v1/teams/acme/applications/rainbond:region-1:1/status' })
  status!: string;
  @ApiProperty({ example: '/v1/teams/acme/applications/rainbond:region-1:1/events' })
  events!: string;
}
