import { SANDBOX_WORLD, type SandboxTeamKey } from './sandbox-world';

/**
 * The applications the Workspace simulators start with, so a fresh sandbox's first list, get and
 * catalogs calls show every provider. Each entry is the publish request on the wire (UploadApp,
 * seed 001; CreateWarehouseApp, seed 004), which the simulator checks as it would a POST, plus the
 * fields the service itself sets. Ids are fixed so documented examples can name them. Listed newest
 * first, as the services list.
 */

/** Each team's seeded apps, built by `build`, keyed by the team's Workspace project id. */
export function seededByProject<Seed, App>(
  catalogue: Record<SandboxTeamKey, Seed[]>,
  build: (seed: Seed, project: { projectId: string; tenantId: string }) => App,
): Map<string, App[]> {
  const teams = Object.keys(catalogue) as SandboxTeamKey[];
  return new Map(
    teams.map((team) => {
      const project = SANDBOX_WORLD.workspace.users[team];
      return [project.projectId, catalogue[team].map((seed) => build(seed, project))];
    }),
  );
}

/** A one-letter square icon as a `data:image/svg+xml;base64` URI (both services accept data URIs). */
function letterIcon(letter: string, color: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">` +
    `<rect width="64" height="64" rx="12" fill="${color}"/>` +
    `<text x="32" y="44" font-family="sans-serif" font-size="32" fill="#fff" text-anchor="middle">${letter}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export interface SeededAppCenterApp {
  /** Set by the service on upload. */
  listed: { id: string; create_time: string; application_source: 'CUSTOM' | 'SYSTEM' | 'MARKET' };
  /** The UploadApp body. */
  upload: Record<string, unknown>;
}

export interface SeededWarehouseApp {
  /** Set by the service on creation and after verification. */
  listed: {
    id: string;
    app_id: string;
    create_time: string;
    modify_time: string;
    verify_time?: string;
    verify_status: 'VERIFYING' | 'VERIFY_PASS' | 'Verify_FAIL';
    verify_comment?: string;
  };
  /** The CreateWarehouseApp body. */
  create: Record<string, unknown>;
}

/** A file in the team's project bucket, the only bucket App Center reads from. */
const obsStore = (team: SandboxTeamKey, path: string) => ({
  store_type: 'OBS',
  bucket_store: {
    bucket_name: `wks-appcenter-${SANDBOX_WORLD.workspace.users[team].projectId}`,
    bucket_file_path: path,
  },
});

export const SANDBOX_APP_CENTER: Record<SandboxTeamKey, SeededAppCenterApp[]> = {
  acme: [
    {
      listed: {
        id: '3f0c9a52-8d1e-4b7a-9c61-2a5e7d40b1c3',
        create_time: '2026-11-20T09:12:44.000Z',
        application_source: 'CUSTOM',
      },
      upload: {
        name: 'nginx',
        version: '1.26.2',
        description: 'nginx for Windows: a web server and reverse proxy, unpacked to C:\\nginx',
        authorization_type: 'ASSIGN_USER',
        app_file_store: obsStore('acme', 'app-file/nginx-1.26.2.zip'),
        app_icon_url: letterIcon('N', '#009639'),
        install_type: 'UNZIP_INSTALL',
        install_command: 'unzip ${FILE_PATH} -d C:\\nginx',
        support_os: 'Windows',
        catalog_id: '3',
      },
    },
    {
      listed: {
        id: '8b2d4e61-0f3a-4c95-a7d8-5e1b9c3f6a20',
        create_time: '2026-11-02T03:40:18.000Z',
        application_source: 'CUSTOM',
      },
      upload: {
        name: 'Visual Studio Code',
        version: '1.95.3',
        description: 'Code editor',
        authorization_type: 'ALL_USER',
        app_file_store: obsStore('acme', 'app-file/VSCodeSetup-x64-1.95.3.exe'),
        app_icon_url: letterIcon('V', '#007acc'),
        install_type: 'QUIET_INSTALL',
        install_command: '${FILE_PATH} /VERYSILENT /MERGETASKS=!runcode',
        uninstall_command: '"C:\\Program Files\\Microsoft VS Code\\unins000.exe" /VERYSILENT',
        support_os: 'Windows',
        catalog_id: '3',
      },
    },
    {
      listed: {
        id: 'c47e1f08-6a92-4d3b-b815-9f2c0e7a5d64',
        create_time: '2026-10-15T07:05:51.000Z',
        application_source: 'MARKET',
      },
      upload: {
        name: '7-Zip',
        version: '24.08',
        description: 'File archiver',
        authorization_type: 'ALL_USER',
        app_file_store: { store_type: 'LINK', file_link: 'https://www.7-zip.org/a/7z2408-x64.exe' },
        app_icon_url: letterIcon('7', '#3c3c3c'),
        install_type: 'QUIET_INSTALL',
        install_command: '${FILE_PATH} /S',
        support_os: 'Windows',
        catalog_id: '2',
        install_info: 'Installs to C:\\Program Files\\7-Zip',
      },
    },
  ],
  globex: [
    {
      listed: {
        id: 'e5a90b3d-2c7f-4e18-8d46-0b9f3a1c7e52',
        create_time: '2026-09-28T11:22:07.000Z',
        application_source: 'CUSTOM',
      },
      upload: {
        name: 'LibreOffice',
        version: '24.8.3',
        description: 'Office suite',
        authorization_type: 'ALL_USER',
        app_file_store: obsStore('globex', 'app-file/LibreOffice_24.8.3_Win_x86-64.msi'),
        app_icon_url: letterIcon('L', '#18a303'),
        install_type: 'QUIET_INSTALL',
        install_command: 'msiexec /i ${FILE_PATH} /qn',
        support_os: 'Windows',
        catalog_id: '2',
      },
    },
  ],
};

export const SANDBOX_APP_WAREHOUSE: Record<SandboxTeamKey, SeededWarehouseApp[]> = {
  acme: [
    {
      listed: {
        id: '604318729105627137',
        app_id: '604318729105627136',
        create_time: '2026-11-18T02:31:09.118524036Z',
        modify_time: '2026-11-18T02:31:09.118524036Z',
        verify_status: 'VERIFYING',
      },
      create: {
        app_name: 'DBeaver',
        app_category: 'BUSSINESS_INTELLIGENCE',
        os_type: 'Windows',
        version_id: '24.2.5',
        version_name: 'Community',
        app_description: 'Universal database tool',
        appfile_store_path: 'file/dbeaver-ce-24.2.5-x86_64-setup.exe',
        app_icon: letterIcon('D', '#7a5230'),
        app_file_size: 118_532,
      },
    },
    {
      listed: {
        id: '587210944630263809',
        app_id: '587210944630263808',
        create_time: '2026-10-09T06:14:55.402917733Z',
        modify_time: '2026-10-10T01:03:12.771204580Z',
        verify_time: '2026-10-10T01:03:12.771204580Z',
        verify_status: 'VERIFY_PASS',
        verify_comment: 'approved',
      },
      create: {
        app_name: 'GIMP',
        app_category: 'GRAPHIC_DESIGN',
        os_type: 'Windows',
        version_id: '2.10.38',
        version_name: 'Stable',
        app_description: 'Image editor',
        appfile_store_path: 'file/gimp-2.10.38-setup.exe',
        app_icon: letterIcon('G', '#5c5543'),
        app_file_size: 331_776,
        app_extended_info: { extended_info: { license: 'GPL-3.0' } },
      },
    },
  ],
  globex: [
    {
      listed: {
        id: '571934022817415169',
        app_id: '571934022817415168',
        create_time: '2026-09-01T08:00:41.250000000Z',
        modify_time: '2026-09-02T09:45:00.000000000Z',
        verify_time: '2026-09-02T09:45:00.000000000Z',
        verify_status: 'VERIFY_PASS',
        verify_comment: 'approved',
      },
      create: {
        app_name: 'Slack',
        app_category: 'PRODUCTIVITY_AND_COLLABORATION',
        os_type: 'Windows',
        version_id: '4.41.105',
        version_name: 'Release',
        app_description: 'Team chat',
        appfile_store_path: 'file/SlackSetup.exe',
        app_icon: letterIcon('S', '#4a154b'),
        app_file_size: 89_340,
      },
    },
  ],
};
