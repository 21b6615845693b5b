import { z } from 'zod';
import { optionalText } from './workspace.wire';

/** `app_category` exactly as the wire spells it (the typos are real values). */
export const WIRE_APP_CATEGORIES = [
  'GAME',
  'BUSSINESS_INTELLIGENCE',
  'SECURE_STORAGE',
  'MULTIMEDIA_AND_CODING',
  'PROJECT_MANAGEMENT',
  'PRODUCTIVITY_AND_COLLABORATION',
  'WEB_ADN_APPLICATION',
  'GRAPHIC_DESIGN',
  'OTHER',
] as const;
export type WireAppCategory = (typeof WIRE_APP_CATEGORIES)[number];

/** `verify_status` exactly as the wire spells it. */
export const WIRE_VERIFY_STATUSES = ['VERIFYING', 'VERIFY_PASS', 'Verify_FAIL'] as const;
export type WireVerifyStatus = (typeof WIRE_VERIFY_STATUSES)[number];

export interface AppExtendedInfo {
  extended_info?: Record<string, string>;
}

/** CreateWarehouseApp request body (`POST /v1/{project_id}/app-warehouse/apps`). */
export interface CreateWarehouseAppRequest {
  app_name: string;
  app_category: WireAppCategory;
  os_type: 'Linux' | 'Windows' | 'Other';
  version_id: string;
  app_description?: string;
  version_name: string;
  appfile_store_path: string;
  app_icon?: string;
  /** KB, an integer here; the response answers it as a string. */
  app_file_size?: number;
  app_extended_info?: AppExtendedInfo;
}

/**
 * CreateWarehouseApp 200 body. Enum-valued fields are plain strings so that an unknown value is
 * passed through rather than turning an accepted upload into a 502.
 */
export const createWarehouseAppResponseSchema = z.looseObject({
  id: z.string().min(1),
  app_id: z.string().min(1),
  tenant_id: optionalText,
  app_name: optionalText,
  app_category: optionalText,
  os_type: optionalText,
  version_id: optionalText,
  version_name: optionalText,
  appfile_store_path: optionalText,
  /** KB as a string on the wire (a number is tolerated). */
  app_file_size: z.union([z.string(), z.number()]).nullish(),
  app_description: optionalText,
  appicon_store_path: optionalText,
  create_time: optionalText,
  modify_time: optionalText,
  verify_time: optionalText,
  verify_status: optionalText,
  verify_comment: optionalText,
  app_icon: optionalText,
  app_extended_info: z
    .looseObject({ extended_info: z.record(z.string(), z.string()).nullish() })
    .nullish(),
});
export type CreateWarehouseAppResponse = z.infer<typeof createWarehouseAppResponseSchema>;

/** ListWarehouseApps (GET /v1/{project_id}/app-warehouse/apps?offset&limit&app_id&app_name…). */
export const warehouseAppListSchema = z.looseObject({
  count: z.number().int().min(0),
  items: z.array(createWarehouseAppResponseSchema),
});
export type WarehouseAppList = z.infer<typeof warehouseAppListSchema>;
