import type { FileStoreInput, PublishAppCenterRequest } from './publish-app-center.dto';
import type { Application, ApplicationStatus } from '../applications/models/application.model';
import type { FileStore } from './workspace-details.model';
import type {
  AuthorizationType,
  InstallType,
  StoreType,
} from '../applications/models/workspace-enums';
import { present } from '../common/empty-is-absent';
import { toOptionalUtcTimestamp } from '../common/upstream-time';
import { fromWireEnum } from '../common/wire-enum';
import type { FileStoreLink, UploadAppRequest, UploadAppResponse } from './app-center.wire';

/** The only bucket App Center accepts for a project. */
export function appCenterBucketName(projectId: string): string {
  return `wks-appcenter-${projectId}`;
}

/** Public publish request → UploadApp body. The bucket name defaults to the project's bucket. */
export function toUploadAppRequest(
  request: PublishAppCenterRequest,
  projectId: string,
): UploadAppRequest {
  return {
    name: request.name,
    version: request.version,
    description: request.description,
    authorization_type: request.authorizationType,
    app_file_store: toFileStoreLink(request.fileStore, projectId),
    app_icon_url: request.icon,
    install_type: request.installType,
    install_command: request.installCommand,
    uninstall_command: request.uninstallCommand,
    support_os: request.os,
    catalog_id: request.catalogId,
    install_info: request.installInfo,
  };
}

function toFileStoreLink(store: FileStoreInput, projectId: string): FileStoreLink {
  return {
    store_type: store.storeType,
    bucket_store: store.bucket && {
      bucket_name: store.bucket.name ?? appCenterBucketName(projectId),
      bucket_file_path: store.bucket.filePath,
    },
    file_link: store.link,
  };
}

const STATUS_FROM_WIRE: Readonly<Record<string, ApplicationStatus>> = {
  NORMAL: 'available',
  FORBIDDEN: 'disabled',
};

/** UploadApp body (also a ListApps item) → public Application for `team`; `raw` keeps the body. */
export function fromUploadAppResponse(team: string, body: UploadAppResponse): Application {
  const createdAt = toOptionalUtcTimestamp(body.create_time, {
    provider: 'app-center',
    field: 'create_time',
  });
  const status = present(body.status);
  return {
    id: `app-center:${body.id}`,
    provider: 'app-center',
    name: present(body.name),
    description: present(body.description),
    status: fromWireEnum(STATUS_FROM_WIRE, status, 'unknown'),
    version: present(body.version),
    os: present(body.support_os),
    icon: present(body.app_icon_url),
    createdAt,
    // App Center keeps no modification time: an app is as new as its upload.
    updatedAt: createdAt,
    owner: { team, tenantId: present(body.tenant_id) },
    appCenter: {
      // Enum fields pass through as received, even a value newer than this gateway.
      authorizationType: present(body.authorization_type) as AuthorizationType | undefined,
      fileStore: body.app_file_store ? fromFileStoreLink(body.app_file_store) : undefined,
      installType: present(body.install_type) as InstallType | undefined,
      installCommand: present(body.install_command),
      uninstallCommand: present(body.uninstall_command),
      installInfo: present(body.install_info),
      status,
      source: present(body.application_source),
      catalogId: present(body.catalog_id) === undefined ? undefined : String(body.catalog_id),
      catalogName: present(body.catalog),
    },
    raw: body,
  };
}

function fromFileStoreLink(store: NonNullable<UploadAppResponse['app_file_store']>): FileStore {
  const name = store.bucket_store?.bucket_name;
  const filePath = store.bucket_store?.bucket_file_path;
  return {
    storeType: store.store_type as StoreType,
    bucket: name != null && filePath != null ? { name, filePath } : undefined,
    link: present(store.file_link),
  };
}
