import type { PublishAppWarehouseRequest } from './publish-app-warehouse.dto';
import type { Application, ApplicationStatus } from '../applications/models/application.model';
import type { WarehouseCategory } from '../applications/models/workspace-enums';
import { present, presentGroup } from '../common/empty-is-absent';
import { toOptionalUtcTimestamp } from '../common/upstream-time';
import { fromWireEnum } from '../common/wire-enum';
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

const STATUS_FROM_WIRE: Readonly<Record<string, ApplicationStatus>> = {
  VERIFYING: 'in-review',
  VERIFY_PASS: 'available',
  Verify_FAIL: 'rejected',
};

function time(field: string, value: string | null | undefined): string | undefined {
  return toOptionalUtcTimestamp(value, { provider: 'app-warehouse', field });
}

/** CreateWarehouseApp body (also a list item) → public Application for `team`; `raw` keeps the body. */
export function fromCreateWarehouseAppResponse(
  team: string,
  body: CreateWarehouseAppResponse,
): Application {
  const verifyStatus = present(body.verify_status);
  const category = present(body.app_category);
  return {
    id: `app-warehouse:${body.app_id}`,
    provider: 'app-warehouse',
    name: present(body.app_name),
    description: present(body.app_description),
    status: fromWireEnum(STATUS_FROM_WIRE, verifyStatus, 'unknown'),
    version: present(body.version_id),
    os: present(body.os_type),
    icon: present(body.app_icon),
    createdAt: time('create_time', body.create_time),
    updatedAt: time('modify_time', body.modify_time),
    owner: { team, tenantId: present(body.tenant_id) },
    appWarehouse: {
      recordId: body.id,
      category: category === undefined ? undefined : categoryFromWire(category),
      versionName: present(body.version_name),
      fileStorePath: present(body.appfile_store_path),
      fileSizeKb: fileSizeFromWire(body.app_file_size),
      iconStorePath: present(body.appicon_store_path),
      verification: presentGroup({
        status: verifyStatus === undefined ? undefined : verifyStatusFromWire(verifyStatus),
        comment: present(body.verify_comment),
        verifiedAt: time('verify_time', body.verify_time),
      }),
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
