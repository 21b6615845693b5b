import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MonitorLinks } from '../../progress/progress.model';
import { PROVIDERS, type ProviderName } from '../application-id';
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
  @ApiPropertyOptional({ description: '`status`', enum: APP_CENTER_STATUSES })
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
  @ApiPropertyOptional({ description: '`verify_time`' })
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
  @ApiPropertyOptional({ description: '`enterprise_id`' })
  enterpriseId?: string;
  @ApiPropertyOptional({ description: '`team_id`: the Rainbond tenant id' })
  teamId?: string;
  @ApiPropertyOptional({ description: '`region_name`' })
  region?: string;
  @ApiPropertyOptional({ description: '`note`', nullable: true, type: String })
  note?: string | null;
  @ApiPropertyOptional({
    description: '`status` (get by id only)',
    enum: ['running', 'part_running', 'closed'],
  })
  status?: string;
  @ApiPropertyOptional({ description: '`service_count` (get by id only)' })
  componentCount?: number;
  @ApiPropertyOptional({ description: '`running_service_count` (get by id only)' })
  runningComponentCount?: number;
}

/** One application, whichever platform holds it. */
export class Application {
  @ApiProperty({ example: 'app-center:x-xx-xxx' })
  id!: string;
  @ApiProperty({ enum: PROVIDERS })
  provider!: ProviderName;
  @ApiPropertyOptional({
    description: 'App Center `name`, warehouse `app_name`, Rainbond `group_name`',
  })
  name?: string;
  @ApiPropertyOptional({ description: 'App Center `description`, warehouse `app_description`' })
  description?: string;
  @ApiPropertyOptional({ description: 'App Center `version`, warehouse `version_id`' })
  version?: string;
  @ApiPropertyOptional({ description: 'App Center `support_os`, warehouse `os_type`' })
  os?: string;
  @ApiPropertyOptional({ description: 'App Center `app_icon_url`, warehouse `app_icon`' })
  icon?: string;
  @ApiPropertyOptional({ description: '`tenant_id` of the Huawei Cloud tenant' })
  tenantId?: string;
  @ApiPropertyOptional({ description: '`create_time`' })
  createdAt?: string;
  @ApiPropertyOptional({ description: 'warehouse `modify_time`' })
  updatedAt?: string;
  @ApiPropertyOptional({ type: AppCenterDetails })
  appCenter?: AppCenterDetails;
  @ApiPropertyOptional({ type: AppWarehouseDetails })
  appWarehouse?: AppWarehouseDetails;
  @ApiPropertyOptional({ type: RainbondDetails })
  rainbond?: RainbondDetails;
  @ApiPropertyOptional({
    description: 'Rainbond: every component now in the app (install answer, or get by id)',
    type: [Component],
  })
  components?: Component[];
  @ApiPropertyOptional({
    description: 'Writes only: where to follow the work this write started',
    type: MonitorLinks,
  })
  links?: MonitorLinks;
  @ApiPropertyOptional({
    description: 'The upstream body as received; only with `?view=full`',
    type: 'object',
    additionalProperties: true,
  })
  raw?: unknown;
}
