import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AUTHORIZATION_TYPES,
  INSTALL_TYPES,
  OS_TYPES,
  STORE_TYPES,
  type AuthorizationType,
  type InstallType,
  type OsType,
  type StoreType,
} from '../applications/models/workspace-enums';
import { Omittable, REQUEST_BODY_RULES } from '../common/validation';

export const APP_CENTER_NAME_FORBIDDEN = /^[^:^;|~`{}[\]<>]*$/;
export const NOT_ONLY_SPACES = /\S/;
export const MAX_APP_CENTER_ICON_CHARS = 87_500;
const ICON_URL_OR_DATA_URI = /^(https?:\/\/\S+|data:image\/[\w+.-]+;base64,[A-Za-z0-9+/=\s]+)$/;
const INSTALL_TYPES_NEEDING_COMMAND: readonly InstallType[] = ['QUIET_INSTALL', 'UNZIP_INSTALL'];

export class BucketLocationInput {
  @ApiPropertyOptional({
    description:
      '`bucket_name`. Always `wks-appcenter-{projectId}` of the team; omit it and the gateway fills it in.',
    example: 'wks-appcenter-0123456789abcdef0123456789abcdef',
    pattern: '^wks-appcenter-[A-Za-z0-9]+$',
  })
  @Omittable()
  @IsString()
  @Matches(/^wks-appcenter-[A-Za-z0-9]+$/, { message: 'must be wks-appcenter-{projectId}' })
  name?: string;

  @ApiProperty({
    description: '`bucket_file_path`: object path in the bucket, no leading `/`',
    example: 'app-file/notepad-setup.exe',
    minLength: 1,
    maxLength: 1024,
  })
  @IsString()
  @Length(1, 1024)
  @Matches(/^[^/]/, { message: 'must not start with /' })
  filePath!: string;
}

export class FileStoreInput {
  @ApiProperty({
    description: '`store_type`: OBS needs `bucket`, LINK needs `link`',
    enum: STORE_TYPES,
    example: 'OBS',
  })
  @IsIn(STORE_TYPES)
  storeType!: StoreType;

  @ApiPropertyOptional({
    description: '`bucket_store`; required when storeType is OBS',
    type: BucketLocationInput,
  })
  @ValidateIf((store: FileStoreInput) => store.storeType === 'OBS' || store.bucket !== undefined)
  @IsDefined({ message: 'is required when storeType is OBS' })
  @ValidateNested()
  @Type(() => BucketLocationInput)
  bucket?: BucketLocationInput;

  @ApiPropertyOptional({
    description: '`file_link`; required when storeType is LINK. The gateway never fetches it.',
    example: 'https://downloads.example.com/notepad-setup.exe',
    format: 'uri',
    maxLength: 2048,
  })
  @ValidateIf((store: FileStoreInput) => store.storeType === 'LINK' || store.link !== undefined)
  @IsDefined({ message: 'is required when storeType is LINK' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  link?: string;
}

/** Publish to the Workspace App Center (`UploadApp`). */
@ApiSchema({ description: REQUEST_BODY_RULES })
export class PublishAppCenterRequest {
  @ApiProperty({ enum: ['app-center'] })
  @Equals('app-center')
  provider!: 'app-center';

  @ApiProperty({
    description: '`name`: 1–128 characters, not only spaces, none of :^;|~`{}[]<>',
    example: 'notepad++.exe',
    minLength: 1,
    maxLength: 128,
  })
  @IsString()
  @Length(1, 128)
  @Matches(NOT_ONLY_SPACES, { message: 'must not be only spaces' })
  @Matches(APP_CENTER_NAME_FORBIDDEN, { message: 'must not contain any of :^;|~`{}[]<>' })
  name!: string;

  @ApiProperty({ description: '`version`', example: 'v1.1.1', minLength: 1 })
  @IsString()
  @IsNotEmpty()
  version!: string;

  @ApiProperty({ description: '`description`', example: 'A text editor' })
  @IsString()
  description!: string;

  @ApiProperty({
    description: '`authorization_type`',
    enum: AUTHORIZATION_TYPES,
    example: 'ALL_USER',
  })
  @IsIn(AUTHORIZATION_TYPES)
  authorizationType!: AuthorizationType;

  @ApiProperty({ description: '`app_file_store`', type: FileStoreInput })
  @IsDefined()
  @ValidateNested()
  @Type(() => FileStoreInput)
  fileStore!: FileStoreInput;

  @ApiPropertyOptional({
    description: '`app_icon_url`: an https URL or a data URI, at most 87,500 characters',
    maxLength: MAX_APP_CENTER_ICON_CHARS,
  })
  @Omittable()
  @IsString()
  @MaxLength(MAX_APP_CENTER_ICON_CHARS)
  @Matches(ICON_URL_OR_DATA_URI, {
    message: 'must be an http(s) URL or a data:image/...;base64, URI',
  })
  icon?: string;

  @ApiProperty({ description: '`install_type`', enum: INSTALL_TYPES, example: 'QUIET_INSTALL' })
  @IsIn(INSTALL_TYPES)
  installType!: InstallType;

  @ApiPropertyOptional({
    description: '`install_command`; required for QUIET_INSTALL and UNZIP_INSTALL',
    example: '${FILE_PATH} /S',
  })
  @ValidateIf(
    (req: PublishAppCenterRequest) =>
      INSTALL_TYPES_NEEDING_COMMAND.includes(req.installType) || req.installCommand !== undefined,
  )
  @IsString({ message: 'is required for QUIET_INSTALL and UNZIP_INSTALL' })
  @Matches(NOT_ONLY_SPACES, { message: 'must not be empty' })
  installCommand?: string;

  @ApiPropertyOptional({
    description: '`uninstall_command`',
    example: 'msiexec /uninstall ${FILE_PATH} /quiet',
  })
  @Omittable()
  @IsString()
  uninstallCommand?: string;

  @ApiProperty({ description: '`support_os`', enum: OS_TYPES, example: 'Windows' })
  @IsIn(OS_TYPES)
  os!: OsType;

  @ApiProperty({ description: '`catalog_id`: App Center category id', example: '1', minLength: 1 })
  @IsString()
  @IsNotEmpty()
  catalogId!: string;

  @ApiPropertyOptional({ description: '`install_info`', example: 'Installs silently' })
  @Omittable()
  @IsString()
  installInfo?: string;
}
