import type { PublishAppWarehouseRequest } from './publish-app-warehouse.dto';

/** A valid 5-byte PNG data URL, standing in for the seeds' truncated icons. */
export const SEED_ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAUA';

/** Seed 001, "Example Responses", status 200. */
export const SEED_UPLOAD_APP_RESPONSE = {
  id: 'x-xx-xxx',
  tenant_id: 'xxx-xx-x-xx',
  name: 'xxx.exe',
  version: 'v1.1.1',
  description: 'Application used for testing.',
  authorization_type: 'ALL_USER',
  app_file_store: {
    store_type: 'OBS',
    bucket_store: { bucket_name: 'wks-appcenter-xxxx', bucket_file_path: 'app-file/xxxx.exe' },
    file_link: 'https://host-addresss/xxxxx.jpg',
  },
  app_icon_url: 'https://host-addresss/xxxxx',
  install_type: 'QUIET_INSTALL',
  install_command: '${FILE_PATH} /S',
  uninstall_command: 'msiexec /uninstall ${FILE_PATH} /quiet',
  support_os: 'Windows',
  status: 'NORMAL',
  application_source: 'CUSTOM',
  create_time: '2024-12-25T06:56:58.622Z',
  catalog_id: 1,
  catalog: 'Other',
  install_info: 'Installation information',
};

/** Seed 004, "Example Responses", status 200. */
export const SEED_CREATE_WAREHOUSE_APP_RESPONSE = {
  id: '694648268272959491',
  app_id: '694648268205850627',
  tenant_id: '26a0420e9e284569a23f1b2f7d9b5011',
  app_name: 'Postman',
  app_category: 'PRODUCTIVITY_AND_COLLABORATION',
  os_type: 'Windows',
  version_id: '7.9.0.0',
  version_name: 'Canary',
  appfile_store_path: 'file/Postman.exe',
  app_file_size: '401',
  app_description: 'A postman setup exe.',
  create_time: '2024-05-07T07:16:27.791729999Z',
  modify_time: '2024-05-07T07:16:27.791729999Z',
  verify_status: 'VERIFYING',
  app_icon: SEED_ICON,
};

/** An App Warehouse publish as a caller sends it (seed 004's app). */
export const WAREHOUSE_PUBLISH: PublishAppWarehouseRequest = {
  provider: 'app-warehouse',
  name: 'Postman',
  category: 'WEB_AND_APPLICATION',
  os: 'Windows',
  version: '7.9.0.0',
  versionName: 'Canary',
  fileStorePath: 'file/Postman.exe',
};
