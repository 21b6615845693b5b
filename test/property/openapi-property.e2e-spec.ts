import fc from 'fast-check';
import { upstreamCalls } from '../support/hostile-input';
import { DEMO_KEY, startTestGateway, type TestGateway } from '../support/test-gateway';
import { operations, OPENAPI, resolve, type Schema } from './openapi-operations';
import { anyRequest, baseParts, invalidCases, type RequestParts } from './request-arbitraries';

// many requests in one test, on a machine shared with other suites
jest.setTimeout(120_000);

const SEED = 16_2026;
/** Generated requests per documented rule. */
const RUNS_PER_RULE = 2;
const ANY_RUNS = 20;

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

interface Tally {
  cases: number;
  examples: number;
  invalid: number;
  fourXx: number;
  upstreamCallsOfInvalid: number;
  fiveXx: number;
}

/**
 * Driven by the committed openapi.json: for every operation, requests that break one documented
 * rule (body field, path parameter, query, header) each get a 4xx problem+json with no call to any
 * simulator; and no request at all, valid or not, gets a 5xx or an error that is not a problem.
 */
describe('every operation of openapi.json under generated input', () => {
  let gateway: TestGateway;
  const tally: Tally = {
    cases: 0,
    examples: 0,
    invalid: 0,
    fourXx: 0,
    upstreamCallsOfInvalid: 0,
    fiveXx: 0,
  };

  beforeAll(async () => {
    gateway = await startTestGateway((config) => ({
      ...config,
      rateLimit: { ...config.rateLimit, requestsPerWindow: 1_000_000 },
    }));
  });
  afterAll(async () => {
    // the numbers the issue asks for, in the test output
    console.log(`property suite (seed ${SEED}): ${JSON.stringify(tally)}`);
    await gateway.close();
  });

  async function send(template: string, method: string, parts: RequestParts): Promise<Answer> {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(parts.path[name]),
    );
    const query = new URLSearchParams(Object.entries(parts.query)).toString();
    const response = await fetch(
      `${gateway.url.replace('[::1]', '127.0.0.1')}${path}${query ? `?${query}` : ''}`,
      {
        method,
        headers: {
          ...(parts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(parts.key !== null ? { authorization: `Bearer ${parts.key}` } : {}),
          ...parts.headers,
        },
        body: parts.body,
      },
    );
    tally.cases += 1;
    if (response.status >= 400 && response.status < 500) tally.fourXx += 1;
    if (response.status >= 500) tally.fiveXx += 1;
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  }

  /** An error answer is problem+json whose status is the HTTP status; no answer is a 5xx. */
  function expectWellFormed(answer: Answer, label: string): void {
    expect({ label, status: answer.status < 500 }).toEqual({ label, status: true });
    if (answer.status < 400) return;
    expect({ label, contentType: answer.contentType }).toEqual({
      label,
      contentType: expect.stringMatching(/^application\/problem\+json/),
    });
    expect({ label, status: (JSON.parse(answer.body) as { status: number }).status }).toEqual({
      label,
      status: answer.status,
    });
  }

  describe.each(operations().map((op) => [`${op.method} ${op.template}`, op] as const))(
    '%s',
    (_name, op) => {
      it('accepts the documented request the rules are broken from', async () => {
        const answer = await send(op.template, op.method, {
          label: 'example',
          ...baseParts(op, DEMO_KEY),
          body: op.bodies[0] && JSON.stringify(op.bodies[0].value),
        });
        tally.examples += 1;
        expect({ status: answer.status, body: answer.status < 400 ? '' : answer.body }).toEqual({
          status: expect.any(Number) as number,
          body: '',
        });
      });

      it('answers every request that breaks a documented rule with a 4xx problem and no upstream call', async () => {
        for (const rule of invalidCases(op, DEMO_KEY)) {
          await fc.assert(
            fc.asyncProperty(rule, async (parts) => {
              gateway.sandbox.resetCalls();
              const answer = await send(op.template, op.method, parts);
              const calls = upstreamCalls(gateway);
              tally.invalid += 1;
              tally.upstreamCallsOfInvalid += calls;
              expectWellFormed(answer, parts.label);
              expect({ label: parts.label, status: answer.status >= 400, calls }).toEqual({
                label: parts.label,
                status: true,
                calls: 0,
              });
            }),
            { seed: SEED, numRuns: RUNS_PER_RULE, endOnFailure: true },
          );
        }
      });

      it('answers any request at all without a 5xx and every error as a problem', async () => {
        await fc.assert(
          fc.asyncProperty(anyRequest(op, DEMO_KEY), async (parts) => {
            expectWellFormed(
              await send(op.template, op.method, parts),
              JSON.stringify(parts).slice(0, 300),
            );
          }),
          { seed: SEED, numRuns: ANY_RUNS, endOnFailure: true },
        );
      });
    },
  );

  it('has sent every generated case, none with a 5xx, none of the invalid ones upstream', () => {
    const rules = operations().reduce((sum, op) => sum + invalidCases(op, DEMO_KEY).length, 0);
    expect(tally.invalid).toBe(rules * RUNS_PER_RULE);
    expect(tally.cases).toBe(tally.examples + tally.invalid + operations().length * ANY_RUNS);
    expect(tally.fiveXx).toBe(0);
    expect(tally.upstreamCallsOfInvalid).toBe(0);
  });

  it('documents no request field as nullable (null is rejected, see the body descriptions)', () => {
    const requestSchemas = operations().flatMap((op) => op.bodies.map((body) => body.schema));
    const seen = new Set<Schema>();
    const nullable: string[] = [];
    const visit = (schema: Schema, path: string) => {
      const own = resolve(schema);
      if (seen.has(own)) return;
      seen.add(own);
      if (own.nullable || schema.nullable) nullable.push(path);
      for (const [name, property] of Object.entries(own.properties ?? {}))
        visit(property, `${path}.${name}`);
      if (own.items) visit(own.items, `${path}[]`);
    };
    requestSchemas.forEach((schema) => visit(schema, 'body'));
    expect(nullable).toEqual([]);
    expect(Object.keys(OPENAPI.paths).length).toBeGreaterThan(0);
  });
});
