import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Query of the events route: what a browser EventSource can only send in the URL. */
export class EventsQuery {
  @ApiPropertyOptional({
    description: 'Stream ticket from `POST …/events/tickets` (instead of an Authorization header)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  ticket?: string;

  @ApiPropertyOptional({
    description: 'As the Last-Event-ID header, for a new EventSource resuming an earlier stream',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  lastEventId?: string;
}
