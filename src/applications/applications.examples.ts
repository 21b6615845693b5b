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

/*
 * Answer examples, as the sandbox answers them (ids, names and times consistent with each provider).
 */
/** A list item: no components, no get-by-id fields (`status`, counts). */
const RAINBOND_LIST_ITEM_EXAMPLE = {
  id: 'rainbond:region-1:1',
  provider: 'rainbond',
  name: 'demo-shop',
  createdAt: '2026-12-01T11:00:02.513Z',
  updatedAt: '2026-12-01T11:00:02.514Z',
  owner: {
    team: 'acme',
    tenantId: 'a1c2e3f4a5b6c7d8e9f0a1b2c3d4e5f6',
    createdBy: 'acme-ops',
  },
  rainbond: {
    region: 'region-1',
    appType: 'rainbond',
    k8sName: 'app-61c43b59',
  },
};

/** Get by id: the list item plus status, counts and components. */
export const RAINBOND_APPLICATION_EXAMPLE = {
  ...RAINBOND_LIST_ITEM_EXAMPLE,
  rainbond: {
    ...RAINBOND_LIST_ITEM_EXAMPLE.rainbond,
    enterpriseId: 'e0f1a2b3c4d5e6f708192a3b4c5d6e7f',
    status: 'closed',
    componentCount: 1,
    runningComponentCount: 0,
  },
  status: 'stopped',
  components: [
    {
      id: '9378bdbc4a4e1cf1874e68795b949fdc',
      name: 'nginx',
      k8sName: 'nginx',
      alias: 'gr949fdc',
      key: '94ad614852e5eda268f84253832c20c3',
      description: 'install from market app',
      category: 'application',
      version: '1.0.0',
      releaseNumber: 1,
      status: 'unknown',
      creationState: 'complete',
      deployMode: 'stateless_multiple',
      source: {
        kind: 'market',
        upstreamKind: 'market',
        image: 'nginx:1.0.0',
      },
      resources: {
        cpuMillicores: 250,
        memoryMb: 128,
        gpuMemoryMb: 0,
        replicas: 1,
        totalMemoryMb: 128,
      },
      placement: {
        tenantId: 'a1c2e3f4a5b6c7d8e9f0a1b2c3d4e5f6',
        region: 'region-1',
      },
      upgrade: {
        upgradable: false,
        afterBuild: true,
      },
      webhooksEnabled: false,
      creatorUserId: 1,
    },
  ],
};

export const APP_CENTER_APPLICATION_EXAMPLE = {
  id: 'app-center:x-xx-xxx',
  provider: 'app-center',
  name: 'notepad++.exe',
  description: 'A text editor',
  status: 'available',
  version: 'v1.1.1',
  os: 'Windows',
  createdAt: '2026-12-01T09:00:13.539Z',
  updatedAt: '2026-12-01T09:00:13.539Z',
  owner: {
    team: 'acme',
    tenantId: 'c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8',
  },
  appCenter: {
    authorizationType: 'ALL_USER',
    fileStore: {
      storeType: 'OBS',
      bucket: {
        name: 'wks-appcenter-0123456789abcdef0123456789abcdef',
        filePath: 'app-file/notepad-setup.exe',
      },
    },
    installType: 'QUIET_INSTALL',
    installCommand: '${FILE_PATH} /S',
    status: 'NORMAL',
    source: 'CUSTOM',
    catalogId: '1',
    catalogName: 'Office',
  },
};

export const APP_WAREHOUSE_APPLICATION_EXAMPLE = {
  id: 'app-warehouse:609827016182270209',
  provider: 'app-warehouse',
  name: 'Postman',
  description: 'A postman setup exe.',
  status: 'in-review',
  version: '7.9.0.0',
  os: 'Windows',
  createdAt: '2026-12-01T11:00:07.230Z',
  updatedAt: '2026-12-01T11:00:07.230Z',
  owner: {
    team: 'acme',
    tenantId: 'c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8',
  },
  appWarehouse: {
    recordId: '470790326860188260',
    category: 'PRODUCTIVITY_AND_COLLABORATION',
    versionName: 'Canary',
    fileStorePath: 'file/Postman.exe',
    fileSizeKb: 401,
    verification: {
      status: 'VERIFYING',
    },
  },
};

export const APPLICATION_PAGE_EXAMPLE = {
  items: [RAINBOND_LIST_ITEM_EXAMPLE, APP_WAREHOUSE_APPLICATION_EXAMPLE],
  partial: false,
  errors: [],
};
