import { Writable } from 'node:stream';
import { censorCredentials, createGatewayLogger } from './gateway-logger';

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = createGatewayLogger({ level: 'info', pretty: false }, destination);
  return { logger, lines };
}

describe('gateway logger', () => {
  it('censors every credential key of an object field, one level down', () => {
    const { logger, lines } = capturedLogger();
    logger.info(
      {
        account: {
          user: 'publisher',
          password: 'p4ss',
          token: 't0k',
          accessKey: 'AK',
          secretKey: 'SK',
        },
        session: { securityToken: 'st' },
      },
      'line',
    );
    expect(lines[0].account).toEqual({
      user: 'publisher',
      password: '[redacted]',
      token: '[redacted]',
      accessKey: '[redacted]',
      secretKey: '[redacted]',
    });
    expect(lines[0].session).toEqual({ securityToken: '[redacted]' });
  });

  it('censors the credential headers of a request or of upstream headers', () => {
    const { logger, lines } = capturedLogger();
    logger.info({
      req: { headers: { authorization: 'Bearer k', 'x-auth-token': 'iam', accept: '*/*' } },
      headers: { 'x-security-token': 'st', 'content-type': 'application/json' },
    });
    expect(lines[0].req).toEqual({
      headers: { authorization: '[redacted]', 'x-auth-token': '[redacted]', accept: '*/*' },
    });
    expect(lines[0].headers).toEqual({
      'x-security-token': '[redacted]',
      'content-type': 'application/json',
    });
  });

  it('keeps an error an error (message and stack) while censoring its own credential field', () => {
    const { logger, lines } = capturedLogger();
    const error = Object.assign(new Error('upstream refused'), { token: 'leaked' });
    logger.error({ err: error }, 'failed');
    const logged = lines[0].err as Record<string, unknown>;
    expect(logged).toMatchObject({ message: 'upstream refused', token: '[redacted]' });
    expect(logged.stack).toEqual(expect.stringContaining('upstream refused'));
  });

  it('leaves the logged objects themselves untouched', () => {
    const account = { password: 'p4ss' };
    const line = { account, status: 200 };
    const censored = censorCredentials(line);
    expect(censored).toEqual({ account: { password: '[redacted]' }, status: 200 });
    expect(line.account).toBe(account);
    expect(account.password).toBe('p4ss');
  });

  it('returns a line without credentials as it is, without copying it', () => {
    const line = { upstream: 'rainbond', operation: 'install', status: 200, timing: { ms: 3 } };
    expect(censorCredentials(line)).toBe(line);
  });

  it('censors a credential in a frozen object', () => {
    const line = { account: Object.freeze({ secretKey: 'SK', region: 'cn-north-4' }) };
    expect(censorCredentials(line)).toEqual({
      account: { secretKey: '[redacted]', region: 'cn-north-4' },
    });
  });
});
