import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  Equals,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import {
  OS_TYPES,
  WAREHOUSE_CATEGORIES,
  type OsType,
  type WarehouseCategory,
} from '../applications/models/workspace-enums';
import { MAX_ENTRIES } from '../common/input-bounds';
import { Omittable, REQUEST_BODY_RULES } from '../common/validation';

/** "Consists of visible characters": no control characters and not blank. */
const VISIBLE_CHARACTERS = /^(?=.*\S)[^\p{Cc}]+$/u;
export const MAX_WAREHOUSE_ICON_BYTES = 8 * 1024;
/** `app_file_size` is an Integer upstream: a signed 32-bit Java int. */
const MAX_FILE_SIZE_KB = 2_147_483_647;
const DATA_URI = /^data:image\/[\w+.-]+;base64,([A-Za-z0-9+/]*={0,2})$/;

/** A base64 image data URI whose decoded image is at most `maxBytes`. */
function IsImageDataUri(maxBytes: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isImageDataUri',
      validator: {
        validate: (value: unknown) => {
          const payload = typeof value === 'string' ? DATA_URI.exec(value)?.[1] : undefined;
          return payload !== undefined && Buffer.byteLength(payload, 'base64') <= maxBytes;
        },
        defaultMessage: () =>
          `must be a data:image/...;base64, URI of an image of at most ${maxBytes} bytes`,
      },
    },
    options,
  );
}

/** A plain object whose values are all strings (`Map<String,String>` upstream). */
function IsStringMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringMap',
      validator: {
        validate: (value: unknown) =>
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          Object.values(value).every((item) => typeof item === 'string'),
        defaultMessage: () => 'must be an object whose values are strings',
      },
    },
    options,
  );
}

/** Publish to the WorkspaceApp App Warehouse (`CreateWarehouseApp`). */
@ApiSchema({ description: REQUEST_BODY_RULES })
export class PublishAppWarehouseRequest {
  @ApiProperty({ enum: ['app-warehouse'] })
  @Equals('app-warehouse')
  provider!: 'app-warehouse';

  @ApiProperty({
    description: '`app_name`: 1–64 letters, digits, `_` or `-`',
    example: 'Postman',
    pattern: '^[A-Za-z0-9_-]{1,64}$',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, _ or -' })
  name!: string;

  @ApiProperty({
    description: '`app_category`',
    enum: WAREHOUSE_CATEGORIES,
    example: 'PRODUCTIVITY_AND_COLLABORATION',
  })
  @IsIn(WAREHOUSE_CATEGORIES)
  category!: WarehouseCategory;

  @ApiProperty({ description: '`os_type`', enum: OS_TYPES, example: 'Windows' })
  @IsIn(OS_TYPES)
  os!: OsType;

  @ApiProperty({
    description: '`version_id`: 1–64 visible characters',
    example: '7.9.0.0',
    minLength: 1,
    maxLength: 64,
  })
  @IsString()
  @Length(1, 64)
  @Matches(VISIBLE_CHARACTERS, { message: 'must consist of visible characters' })
  version!: string;

  @ApiProperty({
    description: '`version_name`: version description, 1–255 visible characters',
    example: 'Canary',
    minLength: 1,
    maxLength: 255,
  })
  @IsString()
  @Length(1, 255)
  @Matches(VISIBLE_CHARACTERS, { message: 'must consist of visible characters' })
  versionName!: string;

  @ApiPropertyOptional({ description: '`app_description`', example: 'A postman setup exe.' })
  @Omittable()
  @IsString()
  description?: string;

  @ApiProperty({
    description: '`appfile_store_path`: object path in the OBS bucket',
    example: 'file/Postman.exe',
    minLength: 1,
  })
  @IsString()
  @IsNotEmpty()
  fileStorePath!: string;

  @ApiPropertyOptional({ description: '`app_icon`: a data:image/...;base64, URI of at most 8 KB' })
  @Omittable()
  @IsImageDataUri(MAX_WAREHOUSE_ICON_BYTES)
  icon?: string;

  @ApiPropertyOptional({
    description: '`app_file_size`: integer, in KB',
    example: 401,
    type: 'integer',
    minimum: 0,
    maximum: MAX_FILE_SIZE_KB,
  })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(MAX_FILE_SIZE_KB)
  fileSizeKb?: number;

  @ApiPropertyOptional({
    description: '`app_extended_info.extended_info`: string key-value pairs',
    type: 'object',
    additionalProperties: { type: 'string' },
    maxProperties: MAX_ENTRIES,
    example: { vendor: 'Postman Inc.' },
  })
  @Omittable()
  @IsStringMap()
  extendedInfo?: Record<string, string>;
}
