import type { Sandbox } from './sandbox';
import { SANDBOX_WORLD, type SandboxTeamKey } from './sandbox-world';

/** Helpers for the simulator specs: plain HTTP on loopback, as a gateway would call. */

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON (undefined when the body is not JSON); specs index into it to assert wire shapes. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface HttpOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is (set the content type in `headers`). */
  raw?: string;
  signal?: AbortSignal;
}

export async function http(url: string, options: HttpOptions = {}): Promise<HttpResult> {
  const hasBody = options.json !== undefined || options.raw !== undefined;
  const response = await fetch(url, {
    method: options.method ?? (hasBody ? 'POST' : 'GET'),
    headers: {
      ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.json !== undefined ? JSON.stringify(options.json) : options.raw,
    signal: options.signal,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export const WORKSPACE = SANDBOX_WORLD.workspace;

/** Standalone sandbox settings that put every server on any free port. */
export const ANY_FREE_PORTS = {
  SANDBOX_RAINBOND_PORT: '0',
  SANDBOX_APP_CENTER_PORT: '0',
  SANDBOX_APP_WAREHOUSE_PORT: '0',
  SANDBOX_IAM_PORT: '0',
  SANDBOX_CONTROL_PORT: '0',
};

/** The Keystone password-auth body for a team's IAM user. */
export function passwordAuth(
  user: { name: string; password: string; domain?: Record<string, string> },
  project: Record<string, string>,
) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: user.name,
            password: user.password,
            domain: user.domain ?? { name: WORKSPACE.domainName },
          },
        },
      },
      scope: { project },
    },
  };
}

/** A valid IAM token for a team's project. */
export async function iamToken(sandbox: Sandbox, team: SandboxTeamKey = 'acme'): Promise<string> {
  const user = WORKSPACE.users[team];
  const response = await http(`${sandbox.urls.iam}/v3/auth/tokens`, {
    json: passwordAuth(
      { name: user.userName, password: sandbox.secrets.iamPasswords[team] },
      { id: user.projectId },
    ),
  });
  const token = response.headers.get('x-subject-token');
  if (response.status !== 201 || !token)
    throw new Error(`IAM answered ${response.status}: ${response.text}`);
  return token;
}

/** Seed 000's install body for the sandbox market's nginx-demo model, with overrides. */
export const installBody = (overrides: Record<string, unknown> = {}) => ({
  market_url: SANDBOX_WORLD.rainbond.market.url,
  market_domain: SANDBOX_WORLD.rainbond.market.domain,
  market_type: 'rainstore',
  market_access_key: '123456789012340af5dff63cb740788e',
  app_model_id: SANDBOX_WORLD.rainbond.market.models[0].id,
  app_model_version: '1.0.0',
  ...overrides,
});

/** Calls a Rainbond OpenAPI path (after `/openapi/v1`) with a team's raw access token. */
export function rainbond(
  sandbox: Sandbox,
  path: string,
  options: HttpOptions & { as?: SandboxTeamKey } = {},
): Promise<HttpResult> {
  const { as = 'acme', ...rest } = options;
  return http(`${sandbox.urls.rainbond}/openapi/v1${path}`, {
    ...rest,
    headers: { authorization: sandbox.secrets.rainbondTokens[as], ...rest.headers },
  });
}

/** Every ServiceBaseInfo field of seeds 000/002, spelled as on the wire. */
export const SERVICE_BASE_INFO_FIELDS = [
  'status', 'access_infos', 'service_id', 'tenant_id', 'service_key', 'service_alias', 'service_cname',
  'service_region', 'desc', 'category', 'version', 'update_version', 'image', 'cmd', 'min_node', 'min_cpu',
  'container_gpu', 'min_memory', 'extend_method', 'code_from', 'git_url', 'git_project_id', 'code_version',
  'service_type', 'creater', 'language', 'total_memory', 'is_service', 'service_origin', 'tenant_service_group_id',
  'open_webhooks', 'service_source', 'create_status', 'check_uuid', 'check_event_id', 'docker_cmd', 'server_type',
  'is_upgrate', 'build_upgrade', 'oauth_service_id', 'k8s_component_name',
].sort(); // prettier-ignore
