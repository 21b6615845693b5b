import type { TestGateway, TestResponse } from './test-gateway';

/* A Rainbond install, the POST the Idempotency-Key specs repeat. */
export const INSTALL = '/v1/teams/acme/applications/rainbond:region-1:1/install';
export const UPGRADE = '/v1/teams/acme/applications/rainbond:region-1:1/upgrade';

export const installBody = (version = '7.0.0') => ({
  market: { url: 'https://hub.grapps.cn', domain: 'rainbond' },
  appModelId: 'b7c8d9e0f1a2',
  appModelVersion: version,
});

let keys = 0;
/** A key no other test of this run uses, written as the draft's sf-string. */
export const freshIdempotencyKey = () => `"e2e-${process.pid}-${Date.now()}-${(keys += 1)}"`;

export function install(gateway: TestGateway, key: string, body: unknown = installBody()) {
  return gateway.request('POST', INSTALL, { body, headers: { 'idempotency-key': key } });
}

/** Waits until the Rainbond simulator has received `count` calls. */
export async function untilCalled(gateway: TestGateway, count: number): Promise<void> {
  while (gateway.sandbox.calls('rainbond').length < count) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function expectReplayOf(replay: TestResponse, first: TestResponse): void {
  expect(replay.status).toBe(first.status);
  expect(replay.body).toEqual(first.body);
  expect(replay.headers.get('content-type')).toBe(first.headers.get('content-type'));
  expect(replay.headers.get('idempotent-replayed')).toBe('true');
}
