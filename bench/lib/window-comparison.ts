import { startGateway } from './gateway-setup';
import { maxLoad, median, warmUp } from './load';
import { GATEWAY_ROUTES } from './routes';

/** The windows compared: the shortest there is and one hour (a limiter's cost must not grow with it). */
const WINDOWS_SECONDS = [1, 3600] as const;
const ROUNDS = 3;

export interface WindowComparison {
  route: string;
  rounds: number;
  secondsPerRound: number;
  /** Median req/s of the rounds, per window length in seconds. */
  requestsPerSecond: Record<string, number>;
  /** The 1 h window's req/s over the 1 s window's (target: within 10 % of 1). */
  ratio: number;
}

/**
 * The install route on two gateways that differ only in their rate-limit window, measured in
 * alternating rounds (the load of a shared machine drifts; alternation spreads it over both) and
 * compared by their medians.
 */
export async function compareRateLimitWindows(
  upstream: string,
  seconds: number,
): Promise<WindowComparison> {
  const route = 'rainbond install';
  const request = GATEWAY_ROUTES[route];
  const gateways = await Promise.all(
    WINDOWS_SECONDS.map((rateLimitWindowSeconds) =>
      startGateway({ upstream, rateLimitWindowSeconds }),
    ),
  );
  try {
    const secondsPerRound = Math.max(1, Math.round(seconds / 2));
    const measured = gateways.map((): number[] => []);
    for (const gateway of gateways) await warmUp(gateway.origin, request);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, gateway] of gateways.entries()) {
        const result = await maxLoad(gateway.origin, request, { durationSeconds: secondsPerRound });
        if (result.failures > 0) throw new Error(`rate-limit windows: ${result.failures} failed`);
        measured[index].push(result.requestsPerSecond);
      }
    }
    const [short, long] = measured.map(median);
    return {
      route,
      rounds: ROUNDS,
      secondsPerRound,
      requestsPerSecond: { [WINDOWS_SECONDS[0]]: short, [WINDOWS_SECONDS[1]]: long },
      ratio: long / short,
    };
  } finally {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
  }
}
