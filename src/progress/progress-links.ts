import type { MonitorLinks } from './monitor-links.model';

/** Where a caller follows an application's progress (paths under the gateway's origin). */
export function monitorLinks(team: string, applicationId: string): MonitorLinks {
  // team keys and application ids are URL-safe by their patterns (colons are allowed in a path)
  const base = `/v1/teams/${team}/applications/${applicationId}`;
  return { status: `${base}/status`, events: `${base}/events` };
}

/** RFC 8288 `Link` value: the event stream is the monitor, the status its one-shot twin. */
export function linkHeader(links: MonitorLinks): string {
  return `<${links.events}>; rel="monitor"; type="text/event-stream", <${links.status}>; rel="monitor"; type="application/json"`;
}
