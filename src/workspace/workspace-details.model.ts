import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
} from '../applications/models/workspace-enums';

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
