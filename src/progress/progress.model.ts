import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVIDERS, type ProviderName } from '../applications/application-id';

/** The gateway's own component states; the upstream value is kept beside it. */
export const COMPONENT_STATES = [
  'pending',
  'building',
  'starting',
  'running',
  'stopped',
  'failed',
  'unknown',
] as const;
export type ComponentState = (typeof COMPONENT_STATES)[number];

export const VERIFICATION_STATES = ['verifying', 'passed', 'failed', 'unknown'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export const APP_CENTER_STATES = ['normal', 'forbidden', 'unknown'] as const;
export type AppCenterState = (typeof APP_CENTER_STATES)[number];

const UTC_TIME = { format: 'date-time', example: '2026-12-01T05:52:13.407Z' } as const;

export class ComponentEvent {
  @ApiProperty({ description: '`EventID`', example: 'e0c1f9a2b3d44e5f8a9b0c1d2e3f4a5b' })
  id!: string;
  @ApiProperty({ description: '`OptType`: what ran (build-service, start-service, upgrade, …)' })
  kind!: string;
  @ApiPropertyOptional({ description: '`Status`: success, failure, timeout; absent while running' })
  status?: string;
  @ApiProperty({ description: '`FinalStatus` is `complete`: the operation ended' })
  finished!: boolean;
  @ApiPropertyOptional({ description: '`Message`' })
  message?: string;
  @ApiPropertyOptional({ description: '`StartTime`, in UTC', ...UTC_TIME })
  startedAt?: string;
  @ApiPropertyOptional({ description: '`EndTime`, in UTC', ...UTC_TIME })
  endedAt?: string;
}

export class ComponentProgress {
  @ApiProperty({ description: '`service_id`', example: '4c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f' })
  id!: string;
  @ApiPropertyOptional({ description: '`service_cname`', example: 'nginx' })
  name?: string;
  @ApiProperty({
    description: 'Normalized from `status` and `create_status`',
    enum: COMPONENT_STATES,
  })
  state!: ComponentState;
  @ApiProperty({
    description: '`status` as Rainbond answered it (may be empty)',
    example: 'running',
  })
  upstreamStatus!: string;
  @ApiPropertyOptional({ description: '`create_status`', example: 'complete' })
  createStatus?: string;
  @ApiProperty({
    description: 'Latest events, newest first (`…/services/{service_id}/events`)',
    type: [ComponentEvent],
  })
  events!: ComponentEvent[];
}

export class ComponentCounts {
  @ApiProperty({ description: 'Components in the app', example: 3 })
  total!: number;
  @ApiProperty({ description: 'Components running', example: 2 })
  running!: number;
  @ApiProperty({ description: 'Components failed', example: 0 })
  failed!: number;
}

export class RainbondProgress {
  @ApiPropertyOptional({
    description: 'App `status` (`GET …/apps/{app_id}`)',
    enum: ['running', 'part_running', 'closed'],
  })
  appStatus?: string;
  @ApiProperty({ type: ComponentCounts })
  counts!: ComponentCounts;
  @ApiProperty({ type: [ComponentProgress] })
  components!: ComponentProgress[];
}

export class WarehouseProgress {
  @ApiProperty({ description: 'Normalized `verify_status`', enum: VERIFICATION_STATES })
  verification!: VerificationState;
  @ApiPropertyOptional({
    description: '`verify_status` as the warehouse spelled it',
    example: 'VERIFYING',
  })
  upstreamStatus?: string;
  @ApiPropertyOptional({ description: '`verify_comment`' })
  comment?: string;
}

export class AppCenterProgress {
  @ApiProperty({ description: 'Normalized `status`', enum: APP_CENTER_STATES })
  state!: AppCenterState;
  @ApiPropertyOptional({ description: '`status` as the App Center spelled it', example: 'NORMAL' })
  upstreamStatus?: string;
}

export class ProgressDegradation {
  @ApiProperty({
    description: 'Problem type slug of the failed read',
    example: 'upstream-unavailable',
  })
  reason!: string;
  @ApiPropertyOptional({ description: 'What failed, in the gateway’s words' })
  detail?: string;
  @ApiProperty({ description: 'Since when reads fail', ...UTC_TIME })
  since!: string;
}

/** Where an application's asynchronous upstream work stands. */
export class ApplicationProgress {
  @ApiProperty({ example: 'rainbond:region-1:1' })
  applicationId!: string;
  @ApiProperty({ enum: PROVIDERS })
  provider!: ProviderName;
  @ApiProperty({
    description:
      'Nothing is moving any more: every component is running, stopped or failed; the warehouse decided; App Center apps are always settled',
  })
  settled!: boolean;
  @ApiProperty({ description: 'When the gateway read this', ...UTC_TIME })
  observedAt!: string;
  @ApiPropertyOptional({
    description:
      'Present while the upstream cannot be read: the rest is the last state read (if any)',
    type: ProgressDegradation,
  })
  degraded?: ProgressDegradation;
  @ApiPropertyOptional({ type: RainbondProgress })
  rainbond?: RainbondProgress;
  @ApiPropertyOptional({ type: WarehouseProgress })
  appWarehouse?: WarehouseProgress;
  @ApiPropertyOptional({ type: AppCenterProgress })
  appCenter?: AppCenterProgress;
}

export class StreamTicket {
  @ApiProperty({ description: 'Opaque, signed; valid for this application’s events only' })
  ticket!: string;
  @ApiProperty({ description: 'Until when the ticket opens a stream', ...UTC_TIME })
  expiresAt!: string;
  @ApiProperty({
    description: 'The events URL with the ticket, for `new EventSource(url)`',
    example: '/v1/teams/acme/applications/rainbond:region-1:1/events?ticket=…',
  })
  url!: string;
}
