import type { UpstreamErrorParser } from '../upstream/http/upstream-http';
import type { UpstreamProblem } from '../upstream/upstream.error';
import { rainbondErrorSchema, type RainbondErrorBody } from './rainbond.wire';

const MAX_MESSAGE_LENGTH = 300;
const MAX_FIELD_ERRORS = 10;

/*
 * Rainbond's known refusals and the catalogued problem each one is (research/rainbond-openapi.md §2,
 * §3.3, §3.4). Rainbond tells them apart by `msg` (English) and, where `msg` is a bare "not found",
 * by `msg_show` (Chinese): both are compared with these exact texts, never passed on. Anything not
 * listed is left to the generic rules (4xx → upstream-rejected).
 */

interface KnownRefusal {
  status: number;
  msg?: string;
  msgShow?: string;
  /** Rainbond's business code, when it alone identifies the case. */
  code?: string;
  problem: UpstreamProblem;
}

const APPLICATION: UpstreamProblem = {
  slug: 'application-not-found',
  detail: 'Rainbond has no such application in this team and region.',
};
const TARGET_APPLICATION: UpstreamProblem = {
  slug: 'application-not-found',
  detail: 'The copy target application does not exist in the target team on Rainbond.',
};
const APP_MODEL: UpstreamProblem = {
  slug: 'app-model-not-found',
  detail: 'The market has no app model with this id.',
};

const KNOWN_REFUSALS: readonly KnownRefusal[] = [
  { status: 404, msg: 'no found app', problem: APPLICATION },
  { status: 404, code: '4000', problem: APPLICATION },
  { status: 404, msg: 'no found group app', problem: TARGET_APPLICATION },
  { status: 400, msg: 'group app and team relation no found', problem: TARGET_APPLICATION },
  {
    status: 404,
    msg: 'no found team or team not join this region',
    problem: {
      slug: 'team-not-found',
      detail:
        "Rainbond does not let the gateway use the target team in that region: the token's user is not a member of it, or the team has not joined the region.",
    },
  },
  { status: 404, msgShow: '云端应用不存在', problem: APP_MODEL },
  { status: 404, msg: 'app model not found', problem: APP_MODEL },
  {
    status: 404,
    msg: 'market not found',
    problem: {
      slug: 'app-model-not-found',
      detail: 'The named market does not hold the app model installed in this application.',
    },
  },
  {
    status: 404,
    msgShow: '云端应用版本不存在',
    problem: {
      slug: 'app-model-version-not-found',
      detail: 'The app model has no such version.',
    },
  },
  {
    status: 409,
    code: '409',
    problem: {
      slug: 'upstream-throttled',
      detail: 'Rainbond says the calls are too frequent; retry later.',
    },
  },
];

/** The catalogued problem a Rainbond error body stands for, if it is one of the known refusals. */
export function rainbondProblem(
  status: number,
  body: RainbondErrorBody,
): UpstreamProblem | undefined {
  const code = body.code === undefined ? undefined : String(body.code);
  const msg = body.msg?.trim();
  const msgShow = body.msg_show?.trim();
  return KNOWN_REFUSALS.find(
    (known) =>
      known.status === status &&
      (known.msg === undefined || known.msg === msg) &&
      (known.msgShow === undefined || known.msgShow === msgShow) &&
      (known.code === undefined || known.code === code),
  )?.problem;
}

/**
 * Code and a short, safe message from any of Rainbond's error bodies: `msg`, else `detail`, plus the
 * field messages of a DRF validation `err`, and the catalogued problem of a known refusal.
 * `msg_show` and `error_trace` are never passed on: on a 500 they hold a Python traceback.
 */
export const parseRainbondError: UpstreamErrorParser = (body, status) => {
  const parsed = rainbondErrorSchema.safeParse(body);
  if (!parsed.success) return {};
  const { code, msg, detail, err } = parsed.data;
  const summary = [
    msg?.trim() || detail?.trim(),
    fieldErrors(err).slice(0, MAX_FIELD_ERRORS).join('; '),
  ]
    .filter(Boolean)
    .join(': ');
  return {
    code: code === undefined ? undefined : String(code),
    message: summary ? shorten(summary) : undefined,
    ...withProblem(rainbondProblem(status, parsed.data)),
  };
};

function withProblem(problem: UpstreamProblem | undefined): { problem?: UpstreamProblem } {
  return problem ? { problem } : {};
}

/** Flattens DRF's `{field: ["msg"]}` (nested for lists and objects) into `field: msg` lines. */
function fieldErrors(err: unknown, path = ''): string[] {
  if (typeof err === 'string') return [path ? `${path}: ${err}` : err];
  if (Array.isArray(err)) {
    return err.flatMap((item, i) =>
      fieldErrors(item, typeof item === 'string' ? path : joinPath(path, String(i))),
    );
  }
  if (err !== null && typeof err === 'object') {
    return Object.entries(err).flatMap(([key, value]) => fieldErrors(value, joinPath(path, key)));
  }
  return [];
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE_LENGTH ? `${flat.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : flat;
}
