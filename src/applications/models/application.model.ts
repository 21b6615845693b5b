import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MonitorLinks } from '../../progress/monitor-links.model';
import { APPLICATION_ID_DESCRIPTION, PROVIDERS, type ProviderName } from '../application-id';
import { REGISTERED_PROVIDERS, type RegisteredProvider } from '../registered-providers';
import { Component } from './component.model';

/** Who holds the application. */
export class ApplicationOwner {
  @ApiProperty({ description: 'The gateway team key it was read or written for', example: 'acme' })
  team!: string;
  @ApiPropertyOptional({
    description:
      'Upstream tenant: Rainbond `tenant_id` (install `team_id`), Huawei Cloud `tenant_id`',
    example: 'a1c2e3f4a5b6c7d8e9f0a1b2c3d4e5f6',
  })
  tenantId?: string;
  @ApiPropertyOptional({ description: 'Rainbond `username`: who created the app' })
  createdBy?: string;
}

/**
 * The gateway's application states: Rainbond running/part_running/closed, App Center
 * NORMAL/FORBIDDEN, App Warehouse VERIFYING/VERIFY_PASS/Verify_FAIL.
 */
export const APPLICATION_STATUSES = [
  'running',
  'partially-running',
  'stopped',
  'available',
  'disabled',
  'in-review',
  'rejected',
  'unknown',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The fields of every application, whichever platform holds it. */
class ApplicationCommon {
  @ApiProperty({ description: APPLICATION_ID_DESCRIPTION, example: 'rainbond:region-1:1' })
  id!: string;
  @ApiProperty({ enum: PROVIDERS, example: 'rainbond' })
  provider!: ProviderName;
  @ApiPropertyOptional({
    description: 'Rainbond `group_name`, App Center `name`, warehouse `app_name`',
    example: 'demo-shop',
  })
  name?: string;
  @ApiPropertyOptional({
    description: 'Rainbond `note`, App Center `description`, warehouse `app_description`',
  })
  description?: string;
  @ApiPropertyOptional({
    description:
      'Rainbond `status` (get by id) running → running, part_running → partially-running, closed → stopped; App Center `status` NORMAL → available, FORBIDDEN → disabled; warehouse `verify_status` VERIFYING → in-review, VERIFY_PASS → available, Verify_FAIL → rejected; other values → unknown',
    enum: APPLICATION_STATUSES,
    example: 'stopped',
  })
  status?: ApplicationStatus;
  @ApiPropertyOptional({ description: 'App Center `version`, warehouse `version_id`' })
  version?: string;
  @ApiPropertyOptional({ description: 'App Center `support_os`, warehouse `os_type`' })
  os?: string;
  @ApiPropertyOptional({
    description: 'Rainbond `logo`, App Center `app_icon_url`, warehouse `app_icon`',
  })
  icon?: string;
  @ApiPropertyOptional({
    description:
      "`create_time` in UTC (Rainbond writes it without an offset, in the installation's time zone)",
    format: 'date-time',
    example: '2026-12-01T09:00:06.815Z',
  })
  createdAt?: string;
  @ApiPropertyOptional({
    description:
      'Rainbond `update_time`, warehouse `modify_time`, App Center `create_time` (it has no modification time), in UTC',
    format: 'date-time',
    example: '2026-12-01T09:00:06.815Z',
  })
  updatedAt?: string;
  @ApiProperty({ type: ApplicationOwner })
  owner!: ApplicationOwner;
}

/** `A | B` as `A & B`. */
type Both<U> = (U extends unknown ? (each: U) => void : never) extends (all: infer I) => void
  ? I
  : never;

/** A provider's details groups, by their property names, as optional fields. */
type DetailsOf<D> = D extends { details: infer G }
  ? { [K in keyof G]?: G[K] extends abstract new () => infer I ? I : never }
  : object;

/** Every registered provider's details groups. */
type DetailsGroups = Both<DetailsOf<RegisteredProvider>>;

/**
 * The details groups of the registered providers, after the common fields and in the order of the
 * list: a subclass, so that the document lists them there (a subclass's fields follow its parent's).
 */
class ApplicationDetails extends ApplicationCommon {}
for (const { details } of REGISTERED_PROVIDERS) {
  for (const [name, type] of Object.entries(details ?? {})) {
    ApiPropertyOptional({ type })(ApplicationDetails.prototype, name);
  }
}
const WithDetails: new () => ApplicationCommon & DetailsGroups = ApplicationDetails;

/** One application, whichever platform holds it. Times are UTC with milliseconds. */
export class Application extends WithDetails {
  @ApiPropertyOptional({
    description:
      'Rainbond: get by id, every component of the app (`services`); install, every component now in the app (`service_list`); copy, the components created in the target (`services`); upgrade, every component of the app after it',
    type: [Component],
  })
  components?: Component[];
  @ApiPropertyOptional({
    description: 'Writes only: where to follow the work this write started',
    type: MonitorLinks,
  })
  links?: MonitorLinks;
  @ApiPropertyOptional({
    description: 'The upstream bodies as received; only with `?view=full`',
    type: 'object',
    additionalProperties: true,
  })
  raw?: unknown;
}
