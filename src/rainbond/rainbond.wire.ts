import { z } from 'zod';
import { encodePath } from '../upstream/http/upstream-http';

/*
 * Rainbond console OpenAPI v1 wire types, spelled exactly as the contracts in shared/seeds
 * (000 install, 002 copy, 003 upgrade). Typos such as `creater` and `is_upgrate` are real wire names.
 * Responses are loose objects so fields the seeds do not list survive into `raw`.
 */

// ---- requests ----

/** `Install`: body of POST …/apps/{app_id}/install. All keys required; only the access key may be null. */
export interface Install {
  market_url: string;
  market_domain: string;
  market_type: string;
  market_access_key: string | null;
  app_model_id: string;
  app_model_version: string;
}

/**
 * Query of the install call. The seed names `is_upload`, the console code reads `is_deploy`, and any
 * non-empty value (even "false") deploys, so the query is sent only when a deploy is wanted.
 */
export interface InstallQuery {
  is_deploy: 'true';
  is_upload: 'true';
}

/** `AppCopyModify`: one component to copy. */
export interface AppCopyModify {
  service_id: string;
  change?: string;
}

/** `AppCopyC`: body of POST …/apps/{app_id}/copy. An empty `services` copies every component. */
export interface AppCopyC {
  services: AppCopyModify[];
  /** the target team's tenant_name (or tenant_id), never its display name */
  target_team_name: string;
  target_region_name: string;
  target_app_id: number;
}

/** `UpgradeBase`: one app model to move to a version; `market_name: null` means the local library. */
export interface UpgradeBase {
  market_name: string | null;
  app_model_id: string;
  app_model_version: string;
}

/** `Upgrade`: body of POST …/apps/{app_id}/upgrade. */
export interface Upgrade {
  update_versions: UpgradeBase[];
}

// ---- responses ----

const int = z.number().int();

/** `ServiceBaseInfo`: one component. Required/optional/nullable as the seed attribute tables say. */
export const serviceBaseInfoSchema = z.looseObject({
  status: z.string().optional(),
  access_infos: z.array(z.string()).optional(),
  service_id: z.string(),
  tenant_id: z.string(),
  service_key: z.string(),
  service_alias: z.string(),
  service_cname: z.string().optional(),
  service_region: z.string(),
  desc: z.string().nullable().optional(),
  category: z.string(),
  version: z.string(),
  update_version: int.optional(),
  image: z.string(),
  cmd: z.string().nullable().optional(),
  min_node: int.optional(),
  min_cpu: int.optional(),
  container_gpu: int.optional(),
  min_memory: int.optional(),
  extend_method: z.string().optional(),
  code_from: z.string().nullable().optional(),
  git_url: z.string().nullable().optional(),
  git_project_id: int.optional(),
  code_version: z.string().nullable().optional(),
  service_type: z.string().nullable().optional(),
  creater: int.optional(),
  language: z.string().nullable().optional(),
  total_memory: int.optional(),
  is_service: z.boolean().optional(),
  service_origin: z.string().optional(),
  tenant_service_group_id: int.optional(),
  open_webhooks: z.boolean().optional(),
  service_source: z.string().nullable().optional(),
  create_status: z.string().nullable().optional(),
  check_uuid: z.string().nullable().optional(),
  check_event_id: z.string().nullable().optional(),
  docker_cmd: z.string().nullable().optional(),
  server_type: z.string().optional(),
  is_upgrate: z.boolean().optional(),
  build_upgrade: z.boolean().optional(),
  oauth_service_id: int.nullable().optional(),
  k8s_component_name: z.string(),
});
export type ServiceBaseInfo = z.infer<typeof serviceBaseInfoSchema>;

/** `MarketInstall`: answer of install; `service_list` holds every component now in the app. */
export const marketInstallSchema = z.looseObject({
  enterprise_id: z.string(),
  team_id: z.string(),
  // the seed table says String, the console model (ServiceGroup.note) is nullable
  note: z.string().nullable(),
  ID: int,
  region_name: z.string(),
  service_list: z.array(serviceBaseInfoSchema),
});
export type MarketInstall = z.infer<typeof marketInstallSchema>;

/** `ServiceGroup` fields the model reads beyond name, note and times (research §3.1). */
const serviceGroupExtras = {
  app_type: z.string().nullable().optional(),
  username: z.string().nullable().optional(),
  logo: z.string().nullable().optional(),
  k8s_app: z.string().nullable().optional(),
};

/** `AppBaseInfoSerializer` (all `ServiceGroup` fields): one item of the bare array GET …/apps answers. */
export const appBaseInfoSchema = z.looseObject({
  ID: int,
  tenant_id: z.string(),
  group_name: z.string(),
  region_name: z.string(),
  note: z.string().nullable().optional(),
  create_time: z.string().nullable().optional(),
  update_time: z.string().nullable().optional(),
  ...serviceGroupExtras,
});
export type AppBaseInfo = z.infer<typeof appBaseInfoSchema>;
export const appListSchema = z.array(appBaseInfoSchema);

/**
 * `AppInfoSerializer` (GET one app). `ID` is absent in practice (read-only field of a serializer
 * built from `data=`, research §3.2): `app_id` names the app.
 */
export const appInfoSchema = z.looseObject({
  app_id: int,
  team_name: z.string(),
  tenant_id: z.string().optional(),
  group_name: z.string().optional(),
  region_name: z.string().optional(),
  note: z.string().nullable().optional(),
  enterprise_id: z.string().optional(),
  service_count: int.optional(),
  running_service_count: int.optional(),
  status: z.string().optional(),
  create_time: z.string().nullable().optional(),
  update_time: z.string().nullable().optional(),
  ...serviceGroupExtras,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** `ListAppServicesView` (GET …/apps/{app_id}/services): a bare array of components. */
export const componentListSchema = z.array(serviceBaseInfoSchema);

/** `AppCopyCRes`: answer of copy; `services` are the components created in the target. */
export const appCopyCResSchema = z.looseObject({
  services: z.array(serviceBaseInfoSchema),
});
export type AppCopyCRes = z.infer<typeof appCopyCResSchema>;

/** `ListUpgrade`: one installed app model of an app and the versions it can move to. */
export const listUpgradeSchema = z.looseObject({
  market_name: z.string(),
  app_model_id: z.string(),
  app_model_name: z.string(),
  current_version: z.string(),
  enterprise_id: z.string(),
  can_upgrade: z.boolean(),
  upgrade_versions: z.array(z.string()),
  source: z.string(),
});
export type ListUpgrade = z.infer<typeof listUpgradeSchema>;

/** Answer of upgrade: a bare array of `ListUpgrade`, re-read after the upgrade. */
export const upgradeResponseSchema = z.array(listUpgradeSchema);

/**
 * One event of `ListServiceEventsResponse` (GET …/services/{service_id}/events). Only the keys the
 * gateway reads are checked; the docs' example has stray spaces in some keys, as the seeds do.
 */
export const serviceEventSchema = z.looseObject({
  EventID: z.string(),
  OptType: z.string().nullish(),
  Status: z.string().nullish(),
  FinalStatus: z.string().nullish(),
  Message: z.string().nullish(),
  StartTime: z.string().nullish(),
  EndTime: z.string().nullish(),
});
export type ServiceEvent = z.infer<typeof serviceEventSchema>;

/** `ListServiceEventsResponse`: a page of a component's events, newest first. */
export const serviceEventsSchema = z.looseObject({
  page: int,
  page_size: int,
  total: int,
  events: z.array(serviceEventSchema),
});
export type ServiceEvents = z.infer<typeof serviceEventsSchema>;

// ---- paths (every segment percent-encoded) ----

/** `/openapi/v1/teams/{team_name}/regions/{region_name}/apps`: a team's apps in one region. */
export function appsPath(teamName: string, region: string): string {
  return encodePath`/openapi/v1/teams/${teamName}/regions/${region}/apps`;
}

/** `…/apps/{app_id}`: one app; its components, events and writes are below it. */
export function appPath(teamName: string, app: { region: string; appId: number }): string {
  return appsPath(teamName, app.region) + encodePath`/${app.appId}`;
}

/** A call on one app: its metric and log name, the path `below` the app's, and the answer's shape. */
export interface AppCall<T> {
  operation: string;
  method: 'GET' | 'POST';
  below: string;
  query?: Record<string, string>;
  body?: Install | AppCopyC | Upgrade;
  schema: z.ZodType<T>;
}

/** A write on one app, `POST …/apps/{app_id}/{action}`, named (metric and log) by its action. */
export function appWrite<T>(
  action: 'install' | 'copy' | 'upgrade',
  body: Install | AppCopyC | Upgrade,
  schema: z.ZodType<T>,
  query?: InstallQuery,
): AppCall<T> {
  return {
    operation: action,
    method: 'POST',
    below: `/${action}`,
    body,
    schema,
    query: query && { ...query },
  };
}

// ---- errors ----

/** A field we read from an error body; a wrong type is dropped rather than failing the whole parse. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * The union of Rainbond's error bodies (research §2), all written by `custom_exception_handler`:
 * - service error `{code, msg, msg_show, data}` (code is a business code, not the HTTP status)
 * - DRF validation `{detail, err: {field: [messages]}, code: 20400, error_type}`
 * - auth/permission `{detail, code, msg, msg_show, error_type, error_trace}`
 * - unhandled 500 `{code, msg, msg_show: <traceback>, error_type, error_trace, error_details}`
 * `msg_show`, `error_trace` and `error_details` can carry tracebacks: they are never passed on.
 */
export const rainbondErrorSchema = z.looseObject({
  code: lenient(z.union([z.number(), z.string()])),
  msg: lenient(z.string()),
  /** Compared with known texts only (`rainbond-error.mapper.ts`), never copied out. */
  msg_show: lenient(z.string()),
  detail: lenient(z.string()),
  err: z.unknown().optional(),
  error_type: lenient(z.string()),
});
export type RainbondErrorBody = z.infer<typeof rainbondErrorSchema>;
