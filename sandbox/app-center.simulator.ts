import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SANDBOX_APP_CENTER, seededByProject } from './sandbox-catalogue';
import { SANDBOX_WORLD } from './sandbox-world';
import { createSimulatorServer } from './simulator-server';
import {
  authorizeProject,
  page,
  parsePaging,
  parseWorkspaceBody,
  queryParam,
  WKS_INVALID_PARAMETER,
  wksError,
  workspaceProfile,
  type WorkspaceQuery,
  type WorkspaceSimulatorContext,
  withoutNulls,
} from './workspace-gateway';

/**
 * Huawei Cloud Workspace App Center (seed 001, op UploadApp) plus the list and catalog reads:
 * `POST|GET /v1/{project_id}/app-center/apps`, `GET /v1/{project_id}/app-center/app-catalogs`.
 */

const CATALOGS = SANDBOX_WORLD.workspace.catalogs;
const FORBIDDEN_NAME_CHARACTERS = /[:^;|~`{}[\]<>]/;
const COMMAND_INSTALL_TYPES: ReadonlySet<string> = new Set(['QUIET_INSTALL', 'UNZIP_INSTALL']);

const optionalString = z.string().nullish();

const fileStoreSchema = z.strictObject({
  store_type: z.enum(['OBS', 'LINK']),
  bucket_store: z
    .strictObject({ bucket_name: optionalString, bucket_file_path: optionalString })
    .nullish(),
  file_link: optionalString,
});

const uploadAppSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .max(128)
      .refine((name) => name.trim() !== '', { error: 'must not contain only spaces' })
      .refine((name) => !FORBIDDEN_NAME_CHARACTERS.test(name), {
        error: 'must not contain any of :^;|~`{}[]<>',
      }),
    version: z.string().min(1),
    description: z.string(),
    authorization_type: z.enum(['ALL_USER', 'ASSIGN_USER']),
    app_file_store: fileStoreSchema,
    app_icon_url: z.string().max(87_500).nullish(),
    install_type: z.enum(['QUIET_INSTALL', 'UNZIP_INSTALL', 'GUI_INSTALL']),
    install_command: optionalString,
    uninstall_command: optionalString,
    support_os: z.enum(['Linux', 'Windows', 'Other']),
    catalog_id: z.string().refine((id) => CATALOGS.some((catalog) => catalog.id === id), {
      error: 'is not an existing catalog',
    }),
    install_info: optionalString,
  })
  .refine(
    (app) => !COMMAND_INSTALL_TYPES.has(app.install_type) || Boolean(app.install_command?.trim()),
    {
      path: ['install_command'],
      error: 'must not be empty when install_type is QUIET_INSTALL or UNZIP_INSTALL',
    },
  );

type UploadApp = z.infer<typeof uploadAppSchema>;
type FileStore = UploadApp['app_file_store'];

/** An application as App Center returns it (UploadApp response and list items). */
export type AppCenterApp = Record<string, unknown> & { id: string; name: string };

interface ProjectParams {
  project_id: string;
}

export function createAppCenterSimulator(ctx: WorkspaceSimulatorContext): FastifyInstance {
  const app = createSimulatorServer(workspaceProfile('app-center'), ctx);
  const published = seededByProject(
    SANDBOX_APP_CENTER,
    ({ listed, upload }, project): AppCenterApp => {
      const parsed = uploadAppSchema.parse(upload);
      checkFileStore(parsed.app_file_store, project.projectId);
      return { ...toPublishedApp(parsed, project.tenantId), ...listed };
    },
  );

  app.post<{ Params: ProjectParams }>('/v1/:project_id/app-center/apps', (request) => {
    const project = authorizeProject(request, ctx, request.params.project_id);
    const upload = parseWorkspaceBody(request, uploadAppSchema);
    checkFileStore(upload.app_file_store, project.projectId);
    const created = toPublishedApp(upload, project.tenantId);
    published.set(project.projectId, [created, ...(published.get(project.projectId) ?? [])]);
    return created;
  });

  app.get<{ Params: ProjectParams; Querystring: WorkspaceQuery }>(
    '/v1/:project_id/app-center/apps',
    (request) => {
      const project = authorizeProject(request, ctx, request.params.project_id);
      const paging = parsePaging(request.query);
      const name = queryParam(request.query, 'name')?.toLowerCase();
      const matching = (published.get(project.projectId) ?? []).filter(
        (item) => !name || item.name.toLowerCase().includes(name),
      );
      return { count: matching.length, items: page(matching, paging) };
    },
  );

  app.get<{ Params: ProjectParams }>('/v1/:project_id/app-center/app-catalogs', (request) => {
    authorizeProject(request, ctx, request.params.project_id);
    return { items: CATALOGS.map(({ id, zh, en }) => ({ id, catalog_zh: zh, catalog_en: en })) };
  });

  return app;
}

/** The OBS rules the schema cannot express: the project's own bucket and a relative object path. */
function checkFileStore(store: FileStore, projectId: string): void {
  if (store.store_type === 'LINK') {
    if (!store.file_link?.trim()) {
      throw wksError(
        400,
        WKS_INVALID_PARAMETER,
        'Invalid parameter app_file_store.file_link: required for LINK',
      );
    }
    return;
  }
  if (!store.bucket_store) {
    throw wksError(
      400,
      WKS_INVALID_PARAMETER,
      'Invalid parameter app_file_store.bucket_store: required for OBS',
    );
  }
  const { bucket_name: bucket, bucket_file_path: path } = store.bucket_store;
  if (bucket !== `wks-appcenter-${projectId}`) {
    throw wksError(
      400,
      'WKS.00211108',
      `Unsupported bucket "${bucket ?? ''}": use wks-appcenter-${projectId}`,
    );
  }
  if (!path?.trim())
    throw wksError(400, 'WKS.00211301', 'Invalid OBS parameter: bucket_file_path is required');
  if (path.startsWith('/')) {
    throw wksError(
      400,
      'WKS.00211301',
      'Invalid OBS parameter: bucket_file_path must not start with "/"',
    );
  }
}

function toPublishedApp(upload: UploadApp, tenantId: string): AppCenterApp {
  const catalog = CATALOGS.find((entry) => entry.id === upload.catalog_id);
  return withoutNulls({
    id: randomUUID(),
    tenant_id: tenantId,
    ...upload,
    status: 'NORMAL',
    application_source: 'CUSTOM',
    create_time: new Date().toISOString(),
    catalog: catalog?.en,
  }) as AppCenterApp;
}
