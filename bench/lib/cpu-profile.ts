/** The parts of V8's .cpuprofile format read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

interface Share {
  name: string;
  ms: number;
  percent: number;
}

/** Self time per function and per package (node_modules/<name>, our src, node internals). */
export function summarizeProfile(profile: CpuProfile): { byFunction: Share[]; byPackage: Share[] } {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((nodeId, index) => {
    selfUs.set(nodeId, (selfUs.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let totalUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = shortUrl(url);
    const name = `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
    add(byFunction, name, us);
    add(byPackage, packageOf(url, functionName), us);
    totalUs += us;
  }
  const ranked = (shares: Map<string, number>) =>
    [...shares.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 1_000),
        percent: Number(((100 * us) / totalUs).toFixed(1)),
      }));
  return { byFunction: ranked(byFunction), byPackage: ranked(byPackage) };
}

function add(shares: Map<string, number>, key: string, us: number): void {
  shares.set(key, (shares.get(key) ?? 0) + us);
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url.replace(/^file:\/\//, '');
}

function packageOf(url: string, functionName: string): string {
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(
    url.slice(url.lastIndexOf('node_modules/')),
  );
  if (modules) return modules[1];
  if (url.includes('/dist/')) return 'gateway (dist)';
  if (url.startsWith('node:')) return 'node internals';
  if (url === '') return `(${functionName || 'native'})`;
  return url;
}
