import { z } from 'zod';
import { optionalText } from './workspace.wire';

/** `BucketStore`, as UploadApp spells it. */
export interface BucketStore {
  bucket_name?: string;
  bucket_file_path?: string;
}

/** `FileStoreLink`: `store_type` says whether `bucket_store` (OBS) or `file_link` (LINK) applies. */
export interface FileStoreLink {
  store_type: 'OBS' | 'LINK';
  bucket_store?: BucketStore;
  file_link?: string;
}

/** UploadApp request body (`POST /v1/{project_id}/app-center/apps`). */
export interface UploadAppRequest {
  name: string;
  version: string;
  description: string;
  authorization_type: 'ALL_USER' | 'ASSIGN_USER';
  app_file_store: FileStoreLink;
  app_icon_url?: string;
  install_type: 'QUIET_INSTALL' | 'UNZIP_INSTALL' | 'GUI_INSTALL';
  install_command?: string;
  uninstall_command?: string;
  support_os: 'Linux' | 'Windows' | 'Other';
  catalog_id: string;
  install_info?: string;
}

const bucketStoreSchema = z.looseObject({
  bucket_name: optionalText,
  bucket_file_path: optionalText,
});

const fileStoreLinkSchema = z.looseObject({
  store_type: z.string(),
  bucket_store: bucketStoreSchema.nullish(),
  file_link: optionalText,
});

/**
 * UploadApp 200 body. Enum-valued fields are plain strings: a value this gateway does not know yet
 * must not turn an accepted upload into a 502.
 */
export const uploadAppResponseSchema = z.looseObject({
  id: z.string().min(1),
  tenant_id: optionalText,
  name: optionalText,
  version: optionalText,
  description: optionalText,
  authorization_type: optionalText,
  app_file_store: fileStoreLinkSchema.nullish(),
  app_icon_url: optionalText,
  install_type: optionalText,
  install_command: optionalText,
  uninstall_command: optionalText,
  support_os: optionalText,
  status: optionalText,
  application_source: optionalText,
  create_time: optionalText,
  /** A string per the table, a number in the documented example. */
  catalog_id: z.union([z.string(), z.number()]).nullish(),
  catalog: optionalText,
  install_info: optionalText,
});
export type UploadAppResponse = z.infer<typeof uploadAppResponseSchema>;

/** ListApps (GET /v1/{project_id}/app-center/apps?offset&limit&name): items as UploadApp answers. */
export const appCenterListSchema = z.looseObject({
  count: z.number().int().min(0),
  items: z.array(uploadAppResponseSchema),
});
export type AppCenterList = z.infer<typeof appCenterListSchema>;

/** ListAppCatalogs (GET /v1/{project_id}/app-center/app-catalogs). */
export const appCatalogListSchema = z.looseObject({
  items: z.array(
    z.looseObject({
      id: z.union([z.string(), z.number()]),
      catalog_zh: optionalText,
      catalog_en: optionalText,
    }),
  ),
});
export type AppCatalogList = z.infer<typeof appCatalogListSchema>;
