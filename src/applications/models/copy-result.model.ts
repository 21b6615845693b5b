import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MonitorLinks } from '../../progress/progress.model';
import { Component } from './component.model';

export class CopyTarget {
  @ApiProperty({ description: 'Gateway team key of the target', example: 'globex' })
  team!: string;
  @ApiProperty({ example: 'rainbond:region-1:2' })
  applicationId!: string;
}

export class CopyResult {
  @ApiProperty({ example: 'rainbond:region-1:1' })
  sourceApplicationId!: string;
  @ApiProperty({ type: CopyTarget })
  target!: CopyTarget;
  @ApiProperty({
    description: 'The components created in the target (`services`)',
    type: [Component],
  })
  components!: Component[];
  @ApiPropertyOptional({
    description: 'Writes only: where to follow the work this write started',
    type: MonitorLinks,
  })
  links?: MonitorLinks;
  @ApiPropertyOptional({ description: 'The upstream body as received; only with `?view=full`' })
  raw?: unknown;
}
