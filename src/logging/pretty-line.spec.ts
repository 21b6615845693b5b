import { formatPrettyLine } from './pretty-line';

const format = (log: Record<string, unknown>) =>
  formatPrettyLine(log, 'msg', 'info', { colors: undefined as never });

describe('formatPrettyLine (sandbox log lines)', () => {
  it('shows a request as method, route, status and duration, with who asked for which team', () => {
    const line = format({
      level: 30,
      time: 1,
      service: 'application-gateway',
      requestId: 'r-1',
      traceId: 't-1',
      msg: 'request completed',
      method: 'POST',
      route: '/v1/teams/:team/applications',
      status: 201,
      durationMs: 12.5,
      caller: 'demo',
      team: 'acme',
    });
    expect(line).toBe('POST /v1/teams/:team/applications 201 12.5 ms team=acme');
  });

  it('shows any other entry as its context, message and fields, on one line', () => {
    const line = format({
      service: 'application-gateway',
      requestId: 'r-1',
      context: 'Upstream',
      msg: 'upstream call',
      provider: 'iam',
      status: 201,
      upstreamRequestId: undefined,
      scope: ['project', 'acme'],
    });
    expect(line).toBe('[Upstream] upstream call provider=iam status=201 scope=["project","acme"]');
  });
});
