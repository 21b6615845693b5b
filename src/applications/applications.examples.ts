import type { ExampleObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Request examples for Swagger UI. They name the sandbox world (team acme, Rainbond apps 1 and 2,
 * market model a1b2c3d4e5f6), so "Try it out" succeeds as-is against `npm start`.
 */
export const PUBLISH_EXAMPLES: Record<string, ExampleObject> = {
  appCenter: {
    summary: 'App Center (OBS bucket; bucket name filled in by the gateway)',
    value: {
      provider: 'app-center',
      name: 'notepad++.exe',
      version: 'v1.1.1',
      description: 'A text editor',
      authorizationType: 'ALL_USER',
      fileStore: { storeType: 'OBS', bucket: { filePath: 'app-file/notepad-setup.exe' } },
      installType: 'QUIET_INSTALL',
      installCommand: '${FILE_PATH} /S',
      uninstallCommand: 'msiexec /uninstall ${FILE_PATH} /quiet',
      os: 'Windows',
      catalogId: '1',
      installInfo: 'Installs silently',
    },
  },
  appWarehouse: {
    summary: 'App Warehouse',
    value: {
      provider: 'app-warehouse',
      name: 'Postman',
      category: 'PRODUCTIVITY_AND_COLLABORATION',
      os: 'Windows',
      version: '7.9.0.0',
      versionName: 'Canary',
      description: 'A postman setup exe.',
      fileStorePath: 'file/Postman.exe',
      fileSizeKb: 401,
    },
  },
};

export const INSTALL_EXAMPLE: ExampleObject = {
  summary: 'Install nginx-demo 1.0.0 from the Rainbond store',
  value: {
    market: { url: 'https://hub.grapps.cn', domain: 'rainbond', type: 'rainstore' },
    appModelId: 'a1b2c3d4e5f6',
    appModelVersion: '1.0.0',
  },
};

export const COPY_EXAMPLE: ExampleObject = {
  summary: "Copy every component into globex's app 2",
  value: { target: { team: 'globex', applicationId: 'rainbond:region-1:2' }, components: [] },
};

export const UPGRADE_EXAMPLE: ExampleObject = {
  summary: 'Upgrade nginx-demo to 1.1.0',
  value: {
    versions: [{ marketName: 'rainstore', appModelId: 'a1b2c3d4e5f6', appModelVersion: '1.1.0' }],
  },
};

export const TEAM_PARAM_EXAMPLE = 'acme';
export const RAINBOND_ID_EXAMPLE = 'rainbond:region-1:1';
