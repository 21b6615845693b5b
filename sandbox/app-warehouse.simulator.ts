import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SANDBOX_APP_WAREHOUSE, seededByProject } from './sandbox-catalogue';
import { createSimulatorServer } from './simulator-server';
import { type VerificationSettings, WarehouseVerification } from './warehouse-verification';
import {
  authorizeProject,
  page,
  parsePaging,
  parseWorkspaceBody,
  queryParam,
  workspaceProfile,
  type WorkspaceQuery,
  type WorkspaceSimulatorContext,
  withoutNulls,
} from './workspace-gateway';

/**
 * Huawei Cloud WorkspaceApp App Warehouse (seed 004, op CreateWarehouseApp) plus the list read:
 * `POST|GET /v1/{project_id}/app-warehouse/apps`.
 */

/** Wire values, typos included; the clean spellings are not accepted. */
export const WAREHOUSE_WIRE_CATEGORIES = [
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

const MAX_ICON_BYTES = 8 * 1024;
const DATA_IMAGE_URI = /^data:image\/[\w.+-]+;base64,([A-Za-z0-9+/]+={0,2})$/;

/** 1–`max` characters, none of them control characters, not only spaces. */
const visibleText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^\P{C}+$/u, { error: 'must consist of visible characters' })
    .refine((text) => text.trim() !== '', { error: 'must consist of visible characters' });

const createWarehouseAppSchema = z.strictObject({
  app_name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, {
    error: 'must be 1-64 letters, digits, underscores or hyphens',
  }),
  app_category: z.enum(WAREHOUSE_WIRE_CATEGORIES),
  os_type: z.enum(['Linux', 'Windows', 'Other']),
  version_id: visibleText(64),
  version_name: visibleText(255),
  app_description: z.string().nullish(),
  appfile_store_path: z.string().min(1),
  app_icon: z
    .string()
    .refine(isSmallImageDataUri, {
      error: `must be a data:image/...;base64 URI of at most ${MAX_ICON_BYTES} bytes`,
    })
    .nullish(),
  app_file_size: z.int().nonnegative().nullish(),
  app_extended_info: z
    .strictObject({ extended_info: z.record(z.string(), z.string()).nullish() })
    .nullish(),
});

type CreateWarehouseApp = z.infer<typeof createWarehouseAppSchema>;

/** A warehouse application as WorkspaceApp returns it. */
export type WarehouseApp = Record<string, unknown> & {
  id: string;
  app_id: string;
  app_name: string;
  app_category: string;
  verify_status: string;
};

interface ProjectParams {
  project_id: string;
}

export function createAppWarehouseSimulator(
  ctx: WorkspaceSimulatorContext & { verification?: VerificationSettings },
): FastifyInstance {
  const app = createSimulatorServer(workspaceProfile('app-warehouse'), ctx);
  const warehouse = seededByProject(
    SANDBOX_APP_WAREHOUSE,
    ({ listed, create }, project): WarehouseApp => ({
      ...toWarehouseApp(createWarehouseAppSchema.parse(create), project.tenantId),
      ...listed,
    }),
  );
  const verification = new WarehouseVerification(ctx.verification);

  app.post<{ Params: ProjectParams }>('/v1/:project_id/app-warehouse/apps', (request) => {
    const project = authorizeProject(request, ctx, request.params.project_id);
    const input = parseWorkspaceBody(request, createWarehouseAppSchema);
    const created = toWarehouseApp(input, project.tenantId);
    verification.created(created);
    warehouse.set(project.projectId, [created, ...(warehouse.get(project.projectId) ?? [])]);
    return created;
  });

  app.get<{ Params: ProjectParams; Querystring: WorkspaceQuery }>(
    '/v1/:project_id/app-warehouse/apps',
    (request) => {
      const project = authorizeProject(request, ctx, request.params.project_id);
      const paging = parsePaging(request.query);
      const [appId, appName, category, status] = [
        'app_id',
        'app_name',
        'app_category',
        'verify_status',
      ].map((name) => queryParam(request.query, name));
      const matching = (warehouse.get(project.projectId) ?? [])
        .map((item) => verification.view(item))
        .filter(
          (item) =>
            (!appId || item.app_id === appId) &&
            (!appName || item.app_name.toLowerCase().includes(appName.toLowerCase())) &&
            (!category || item.app_category === category) &&
            (!status || item.verify_status === status),
        );
      return { items: page(matching, paging), count: matching.length };
    },
  );

  return app;
}

function toWarehouseApp(input: CreateWarehouseApp, tenantId: string): WarehouseApp {
  const now = nanosecondTimestamp(new Date());
  return withoutNulls({
    id: snowflakeId(),
    app_id: snowflakeId(),
    tenant_id: tenantId,
    ...input,
    app_file_size: input.app_file_size == null ? undefined : String(input.app_file_size),
    create_time: now,
    modify_time: now,
    verify_status: 'VERIFYING',
  }) as WarehouseApp;
}

function isSmallImageDataUri(uri: string): boolean {
  const match = DATA_IMAGE_URI.exec(uri);
  return match !== null && Buffer.from(match[1], 'base64').length <= MAX_ICON_BYTES;
}

/** An 18-digit numeric string, like the service's snowflake ids. */
function snowflakeId(): string {
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`) % 900_000_000_000_000_000n;
  return String(random + 100_000_000_000_000_000n);
}

/** The service's timestamps carry nanoseconds: 2024-05-07T07:16:27.791729999Z. */
function nanosecondTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, '000000Z');
}
