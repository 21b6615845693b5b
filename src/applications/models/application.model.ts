import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MonitorLinks } from '../../progress/progress.model';
import { APPLICATION_ID_DESCRIPTION, PROVIDERS, type ProviderName } from '../application-id';
import { UpgradeOption } from './upgrade-option.model';
import { Component } from './component.model';
import {
  APP_CENTER_SOURCES,
  APP_CENTER_STATUSES,
  AUTHORIZATION_TYPES,
  INSTALL_TYPES,
  STORE_TYPES,
  VERIFY_STATUSES,
  WAREHOUSE_CATEGORIES,
  type AuthorizationType,
  type InstallType,
  type StoreType,
} from './workspace-enums';

export class BucketLocation {
  @ApiProperty({
    description: '`bucket_name`: always `wks-appcenter-{projectId}`',
    example: 'wks-appcenter-0123456789abcdef0123456789abcdef',
  })
  name!: string;
  @ApiProperty({
    description: '`bucket_file_path`: object path, no leading `/`',
    example: 'app-file/notepad.exe',
  })
  filePath!: string;
}

export class FileStore {
  @ApiProperty({ description: '`store_type`: which location takes effect', enum: STORE_TYPES })
  storeType!: StoreType;
  @ApiPropertyOptional({ description: '`bucket_store`', type: BucketLocation })
  bucket?: BucketLocation;
  @ApiPropertyOptional({ description: '`file_link`: external download URL' })
  link?: string;
}

/** App Center (`UploadApp` response) fields that have no common home. */
export class AppCenterDetails {
  @ApiPropertyOptional({ description: '`authorization_type`', enum: AUTHORIZATION_TYPES })
  authorizationType?: AuthorizationType;
  @ApiPropertyOptional({ description: '`app_file_store`', type: FileStore })
  fileStore?: FileStore;
  @ApiPropertyOptional({ description: '`install_type`', enum: INSTALL_TYPES })
  installType?: InstallType;
  @ApiPropertyOptional({ description: '`install_command`' })
  installCommand?: string;
  @ApiPropertyOptional({ description: '`uninstall_command`' })
  uninstallCommand?: string;
  @ApiPropertyOptional({ description: '`install_info`' })
  installInfo?: string;
  @ApiPropertyOptional({
    description: "`status` as App Center spells it (`status` of the application is the gateway's)",
    enum: APP_CENTER_STATUSES,
  })
  status?: string;
  @ApiPropertyOptional({ description: '`application_source`', enum: APP_CENTER_SOURCES })
  source?: string;
  @ApiPropertyOptional({
    description: '`catalog_id` (the upstream may answer a number; always a string here)',
  })
  catalogId?: string;
  @ApiPropertyOptional({ description: '`catalog`: category name' })
  catalogName?: string;
}

export class WarehouseVerification {
  @ApiPropertyOptional({
    description: '`verify_status` (wire `Verify_FAIL` is `VERIFY_FAIL` here)',
    enum: VERIFY_STATUSES,
  })
  status?: string;
  @ApiPropertyOptional({ description: '`verify_comment`' })
  comment?: string;
  @ApiPropertyOptional({
    description: '`verify_time`, in UTC',
    format: 'date-time',
    example: '2024-05-07T07:16:27.791Z',
  })
  verifiedAt?: string;
}

/** App Warehouse (`CreateWarehouseApp` response) fields that have no common home. */
export class AppWarehouseDetails {
  @ApiPropertyOptional({
    description: '`id`: the warehouse record id (the application id is `app_id`)',
  })
  recordId?: string;
  @ApiPropertyOptional({
    description: '`app_category` (wire typos corrected)',
    enum: WAREHOUSE_CATEGORIES,
  })
  category?: string;
  @ApiPropertyOptional({ description: '`version_name`: version description' })
  versionName?: string;
  @ApiPropertyOptional({ description: '`appfile_store_path`' })
  fileStorePath?: string;
  @ApiPropertyOptional({ description: '`app_file_size` in KB (a string on the wire)' })
  fileSizeKb?: number;
  @ApiPropertyOptional({ description: '`appicon_store_path`' })
  iconStorePath?: string;
  @ApiPropertyOptional({ type: WarehouseVerification })
  verification?: WarehouseVerification;
  @ApiPropertyOptional({
    description: '`app_extended_info.extended_info`',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  extendedInfo?: Record<string, string>;
}

/** Rainbond app fields that have no common home. */
export class RainbondDetails {
  @ApiPropertyOptional({ description: '`region_name`', example: 'region-1' })
  region?: string;
  @ApiPropertyOptional({ description: '`enterprise_id`' })
  enterpriseId?: string;
  @ApiPropertyOptional({
    description: '`status` as Rainbond spells it (get by id only)',
    enum: ['running', 'part_running', 'closed'],
  })
  status?: string;
  @ApiPropertyOptional({ description: '`service_count` (get by id only)', example: 1 })
  componentCount?: number;
  @ApiPropertyOptional({ description: '`running_service_count` (get by id only)', example: 1 })
  runningComponentCount?: number;
  @ApiPropertyOptional({ description: '`app_type`: rainbond or helm', example: 'rainbond' })
  appType?: string;
  @ApiPropertyOptional({ description: '`k8s_app`: the app name in the cluster' })
  k8sName?: string;
  @ApiPropertyOptional({
    description:
      'The app models installed in the app and the versions each can move to (`ListUpgrade`), in the upgrade answer',
    type: [UpgradeOption],
  })
  appModels?: UpgradeOption[];
}

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

/** One application, whichever platform holds it. Times are UTC with milliseconds. */
export class Application {
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
  @ApiPropertyOptional({ type: RainbondDetails })
  rainbond?: RainbondDetails;
  @ApiPropertyOptional({ type: AppCenterDetails })
  appCenter?: AppCenterDetails;
  @ApiPropertyOptional({ type: AppWarehouseDetails })
  appWarehouse?: AppWarehouseDetails;
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
