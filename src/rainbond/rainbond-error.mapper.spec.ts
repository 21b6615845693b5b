import { rainbondProblem } from './rainbond-error.mapper';
import { parseRainbondError } from './rainbond-error.mapper';

/** The sandbox's (and research's) bodies of Rainbond's known refusals. */
const body = (msg: string, msgShow: string, code: number | string = 404) => ({
  code,
  msg,
  msg_show: msgShow,
  data: { bean: {}, list: [] },
});

describe('rainbondProblem', () => {
  it.each([
    [404, body('no found app', '应用不存在'), 'application-not-found'],
    [404, body('app not found', '应用不存在', 4000), 'application-not-found'],
    [404, body('no found group app', '目标应用不存在'), 'application-not-found'],
    [
      400,
      body('group app and team relation no found', '目标应用不属于目标团队', 400),
      'application-not-found',
    ],
    [404, body('no found team or team not join this region', '目标团队不存在'), 'team-not-found'],
    [404, body('not found', '云端应用不存在'), 'app-model-not-found'],
    [404, body('app model not found', '应用模版不存在'), 'app-model-not-found'],
    [404, body('market not found', '应用市场不存在'), 'app-model-not-found'],
    [404, body('not found', '云端应用版本不存在'), 'app-model-version-not-found'],
    [409, body('too frequent', '操作过于频繁', 409), 'upstream-throttled'],
  ])('HTTP %i %j is %s', (status, wire, slug) => {
    expect(rainbondProblem(status, wire)?.slug).toBe(slug);
  });

  it.each([
    ['another status', 400, body('no found app', '应用不存在')],
    ['an unknown message', 404, body('region no found this resource', '数据中心资源不存在')],
    [
      'team not in the region (a configuration problem)',
      409,
      body('the team is not initialized in the region', '团队未开通', 2001),
    ],
  ])('leaves %s to the generic rules', (_, status, wire) => {
    expect(rainbondProblem(status, wire)).toBeUndefined();
  });

  it('writes its own English detail; the Chinese msg_show never leaves', () => {
    const parsed = parseRainbondError(body('not found', '云端应用版本不存在'), 404);
    expect(parsed.problem?.detail).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.stringify(parsed)).not.toContain('云端');
  });
});
