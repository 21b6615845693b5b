import { RAW_ONLY_COMPONENT_FIELDS, toComponent } from './rainbond-component.mapper';
import { distinctServiceBaseInfo, SEED_SERVICE_BASE_INFO } from './rainbond.test-helpers';
import { serviceBaseInfoSchema, type ServiceBaseInfo } from './rainbond.wire';

/** A source-code component, so the repository block is filled in too. */
const SOURCE_CODE: ServiceBaseInfo = {
  ...distinctServiceBaseInfo(),
  service_source: 'source_code',
};

/** Every ServiceBaseInfo field the model holds, and where (a dotted path in the Component). */
const COMPONENT_FIELDS: [keyof ServiceBaseInfo, string][] = [
  ['service_id', 'id'],
  ['service_cname', 'name'],
  ['k8s_component_name', 'k8sName'],
  ['service_alias', 'alias'],
  ['service_key', 'key'],
  ['desc', 'description'],
  ['category', 'category'],
  ['version', 'version'],
  ['update_version', 'releaseNumber'],
  ['status', 'upstreamStatus'],
  ['create_status', 'creationState'],
  ['extend_method', 'deployMode'],
  ['access_infos', 'accessUrls'],
  ['service_source', 'source.upstreamKind'],
  ['image', 'source.image'],
  ['cmd', 'source.command'],
  ['docker_cmd', 'source.dockerRunCommand'],
  ['language', 'source.language'],
  ['git_url', 'source.repository.url'],
  ['code_version', 'source.repository.version'],
  ['server_type', 'source.repository.type'],
  ['code_from', 'source.repository.host'],
  ['git_project_id', 'source.repository.projectId'],
  ['oauth_service_id', 'source.repository.oauthServiceId'],
  ['min_cpu', 'resources.cpuMillicores'],
  ['min_memory', 'resources.memoryMb'],
  ['container_gpu', 'resources.gpuMemoryMb'],
  ['min_node', 'resources.replicas'],
  ['total_memory', 'resources.totalMemoryMb'],
  ['tenant_id', 'placement.tenantId'],
  ['service_region', 'placement.region'],
  ['is_upgrate', 'upgrade.upgradable'],
  ['build_upgrade', 'upgrade.afterBuild'],
  ['open_webhooks', 'webhooksEnabled'],
  ['creater', 'creatorUserId'],
];

function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

describe('ServiceBaseInfo → Component', () => {
  const component = toComponent(SOURCE_CODE);

  it.each(COMPONENT_FIELDS)('%s → %s', (wireField, path) => {
    expect(SOURCE_CODE[wireField]).toBeDefined();
    expect(at(component, path)).toStrictEqual(SOURCE_CODE[wireField]);
  });

  it('every wire field of the schema is in the model or named as raw-only (then only under raw)', () => {
    const covered = [...COMPONENT_FIELDS.map(([wire]) => wire), ...RAW_ONLY_COMPONENT_FIELDS];
    expect([...covered].sort()).toEqual(Object.keys(serviceBaseInfoSchema.shape).sort());
    const text = JSON.stringify(component);
    for (const field of RAW_ONLY_COMPONENT_FIELDS.filter(
      (name) => typeof SOURCE_CODE[name] !== 'boolean',
    )) {
      expect(text).not.toContain(JSON.stringify(SOURCE_CODE[field]));
    }
  });

  it.each([
    ['running', 'running'],
    ['closed', 'stopped'],
    ['undeploy', 'not-deployed'],
    ['some_abnormal', 'abnormal'],
    ['upgrade', 'upgrading'],
    ['brand-new-state', 'unknown'],
  ])('status %s is %s, with the upstream word kept', (wire, status) => {
    expect(toComponent({ ...SOURCE_CODE, status: wire })).toMatchObject({
      status,
      upstreamStatus: wire,
    });
  });

  it('an empty status is unknown with no upstream status', () => {
    const empty = toComponent({ ...SOURCE_CODE, status: '' });
    expect(empty.status).toBe('unknown');
    expect(JSON.parse(JSON.stringify(empty))).not.toHaveProperty('upstreamStatus');
  });

  it.each([
    ['docker_run', 'image'],
    ['docker_image', 'image'],
    ['source_code', 'source-code'],
    ['market', 'market'],
    ['docker_compose', 'compose'],
    ['package_build', 'package'],
    ['third_party', 'other'],
  ])('service_source %s is kind %s', (wire, kind) => {
    expect(toComponent({ ...SOURCE_CODE, service_source: wire }).source?.kind).toBe(kind);
  });

  it('only a source-code component has a repository (Rainbond writes server_type "git" on all)', () => {
    const image = toComponent({ ...SOURCE_CODE, service_source: 'docker_run' });
    expect(JSON.parse(JSON.stringify(image.source))).not.toHaveProperty('repository');
    expect(image.source?.image).toBe(SOURCE_CODE.image);
  });

  it('turns the empty strings and nulls Rainbond uses for "none" into absent fields', () => {
    const sparse = toComponent({
      ...SOURCE_CODE,
      desc: '',
      cmd: null,
      docker_cmd: null,
      language: '',
      git_url: null,
      code_version: '',
      code_from: '',
      git_project_id: 0,
      oauth_service_id: null,
      server_type: '',
      access_infos: [],
    });
    const json = JSON.parse(JSON.stringify(sparse)) as Record<string, unknown>;
    expect(json).not.toHaveProperty('description');
    expect(json).not.toHaveProperty('accessUrls');
    expect(json.source).toStrictEqual({
      kind: 'source-code',
      upstreamKind: 'source_code',
      image: SOURCE_CODE.image,
    });
    expect(JSON.stringify(json)).not.toMatch(/""|null/);
  });

  it('maps the seed example (typo wire names creater and is_upgrate included)', () => {
    expect(toComponent(SEED_SERVICE_BASE_INFO)).toMatchObject({
      creatorUserId: 3,
      upgrade: { upgradable: true, afterBuild: true },
      source: { kind: 'other', upstreamKind: 'string' },
    });
  });

  it('does not copy unknown upstream fields into the component', () => {
    expect(toComponent({ ...SOURCE_CODE, surprise: 'x' })).not.toHaveProperty('surprise');
  });
});
