import type { UpstreamProblem } from '../upstream/upstream.error';

/*
 * Workspace (and WorkspaceApp) error codes whose meaning the catalogue names more precisely than the
 * generic rules do (research/huawei-workspace-iam.md). Codes not listed follow the generic rules:
 * 401/403 → upstream-credentials-rejected, 429 → upstream-throttled, other 4xx → upstream-rejected.
 */
const KNOWN_CODES: Readonly<Record<string, UpstreamProblem>> = {
  'WKS.00211102': {
    slug: 'conflict',
    detail: 'The Workspace project holds as many applications as it may; remove one first.',
  },
  'WKS.00211302': {
    slug: 'upstream-rejected',
    detail:
      'Workspace may not read the OBS bucket: the project must authorize the bucket for Workspace first.',
  },
  'APIGW.0308': {
    slug: 'upstream-throttled',
    detail: 'The Huawei Cloud API gateway is throttling the gateway; retry later.',
  },
};

/** The catalogued problem of a Workspace error code, when the code has a precise one. */
export function workspaceProblem(code: string | undefined): UpstreamProblem | undefined {
  return code !== undefined && Object.hasOwn(KNOWN_CODES, code) ? KNOWN_CODES[code] : undefined;
}
