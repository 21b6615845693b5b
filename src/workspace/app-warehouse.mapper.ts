import type { PublishAppWarehouseRequest } from '../applications/dto/publish-app-warehouse.dto';
import type { Application } from '../applications/models/application.model';
import type { WarehouseCategory } from '../applications/models/workspace-enums';
import type {
  CreateWarehouseAppRequest,
  CreateWarehouseAppResponse,
  WireAppCategory,
  WireVerifyStatus,
} from './app-warehouse.wire';

/** Public category → wire value; the wire misspells two of them. */
export const CATEGORY_TO_WIRE: Readonly<Record<WarehouseCategory, WireAppCategory>> = {
  GAME: 'GAME',
  BUSINESS_INTELLIGENCE: 'BUSSINESS_INTELLIGENCE',
  SECURE_STORAGE: 'SECURE_STORAGE',
  MULTIMEDIA_AND_CODING: 'MULTIMEDIA_AND_CODING',
  PROJECT_MANAGEMENT: 'PROJECT_MANAGEMENT',
  PRODUCTIVITY_AND_COLLABORATION: 'PRODUCTIVITY_AND_COLLABORATION',
  WEB_AND_APPLICATION: 'WEB_ADN_APPLICATION',
  GRAPHIC_DESIGN: 'GRAPHIC_DESIGN',
  OTHER: 'OTHER',
};

const CATEGORY_FROM_WIRE = new Map<string, WarehouseCategory>(
  Object.entries(CATEGORY_TO_WIRE).map(([clean, wire]) => [wire, clean as WarehouseCategory]),
);

const VERIFY_STATUS_FROM_WIRE: Readonly<Record<WireVerifyStatus, string>> = {
  VERIFYING: 'VERIFYING',
  VERIFY_PASS: 'VERIFY_PASS',
  Verify_FAIL: 'VERIFY_FAIL',
};

/** A wire category in its public spelling; a value this gateway does not know passes unchanged. */
export function categoryFromWire(value: string): string {
  return CATEGORY_FROM_WIRE.get(value) ?? value;
}

/** A wire verify status in its public spelling; a value this gateway does not know passes unchanged. */
export function verifyStatusFromWire(value: string): string {
  return Object.hasOwn(VERIFY_STATUS_FROM_WIRE, value)
    ? VERIFY_STATUS_FROM_WIRE[value as WireVerifyStatus]
    : value;
}

/** Public publish request → CreateWarehouseApp body. */
export function toCreateWarehouseAppRequest(
  request: PublishAppWarehouseRequest,
): CreateWarehouseAppRequest {
  return {
    app_name: request.name,
    app_category: CATEGORY_TO_WIRE[request.category],
    os_type: request.os,
    version_id: request.version,
    app_description: request.description,
    version_name: request.versionName,
    appfile_store_path: request.fileStorePath,
    app_icon: request.icon,
    app_file_size: request.fileSizeKb,
    app_extended_info: request.extendedInfo && { extended_info: { ...request.extendedInfo } },
  };
}

/** CreateWarehouseApp body → public Application; `raw` keeps the body as received. */
export function fromCreateWarehouseAppResponse(body: CreateWarehouseAppResponse): Application {
  return {
    id: `app-warehouse:${body.app_id}`,
    provider: 'app-warehouse',
    name: body.app_name ?? undefined,
    description: body.app_description ?? undefined,
    version: body.version_id ?? undefined,
    os: body.os_type ?? undefined,
    icon: body.app_icon ?? undefined,
    tenantId: body.tenant_id ?? undefined,
    createdAt: body.create_time ?? undefined,
    updatedAt: body.modify_time ?? undefined,
    appWarehouse: {
      recordId: body.id,
      category: body.app_category == null ? undefined : categoryFromWire(body.app_category),
      versionName: body.version_name ?? undefined,
      fileStorePath: body.appfile_store_path ?? undefined,
      fileSizeKb: fileSizeFromWire(body.app_file_size),
      iconStorePath: body.appicon_store_path ?? undefined,
      verification: {
        status: body.verify_status == null ? undefined : verifyStatusFromWire(body.verify_status),
        comment: body.verify_comment ?? undefined,
        verifiedAt: body.verify_time ?? undefined,
      },
      extendedInfo: copyOf(body.app_extended_info?.extended_info),
    },
    raw: body,
  };
}

/** `"401"` → 401; anything that is not a whole number stays only in `raw`. */
function fileSizeFromWire(value: string | number | null | undefined): number | undefined {
  if (value == null || value === '') return undefined;
  const size = Number(value);
  return Number.isSafeInteger(size) && size >= 0 ? size : undefined;
}

function copyOf(
  map: Record<string, string> | null | undefined,
): Record<string, string> | undefined {
  return map == null ? undefined : { ...map };
}
