import type {
  FileStoreInput,
  PublishAppCenterRequest,
} from '../applications/dto/publish-app-center.dto';
import type { Application, FileStore } from '../applications/models/application.model';
import type {
  AuthorizationType,
  InstallType,
  StoreType,
} from '../applications/models/workspace-enums';
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

/** UploadApp body → public Application; `raw` keeps the body as received. */
export function fromUploadAppResponse(body: UploadAppResponse): Application {
  return {
    id: `app-center:${body.id}`,
    provider: 'app-center',
    name: body.name ?? undefined,
    description: body.description ?? undefined,
    version: body.version ?? undefined,
    os: body.support_os ?? undefined,
    icon: body.app_icon_url ?? undefined,
    tenantId: body.tenant_id ?? undefined,
    createdAt: body.create_time ?? undefined,
    appCenter: {
      // Enum fields pass through as received, even a value newer than this gateway.
      authorizationType: (body.authorization_type ?? undefined) as AuthorizationType | undefined,
      fileStore: body.app_file_store ? fromFileStoreLink(body.app_file_store) : undefined,
      installType: (body.install_type ?? undefined) as InstallType | undefined,
      installCommand: body.install_command ?? undefined,
      uninstallCommand: body.uninstall_command ?? undefined,
      installInfo: body.install_info ?? undefined,
      status: body.status ?? undefined,
      source: body.application_source ?? undefined,
      catalogId: body.catalog_id == null ? undefined : String(body.catalog_id),
      catalogName: body.catalog ?? undefined,
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
    link: store.file_link ?? undefined,
  };
}
