import { summarizeProfile, type CpuProfile } from './cpu-profile';

const frame = (functionName: string, url: string, lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});

describe('summarizeProfile', () => {
  // root -> handler (ours) -> request (axios); plus the garbage collector.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
      {
        id: 2,
        callFrame: frame('install', 'file:///app/dist/rainbond/client.js', 9),
        children: [3],
      },
      { id: 3, callFrame: frame('request', 'file:///app/node_modules/axios/dist/node/axios.cjs') },
      { id: 4, callFrame: frame('(garbage collector)', '') },
    ],
    samples: [2, 3, 3, 3, 4],
    timeDeltas: [1_000, 1_000, 1_000, 1_000, 1_000],
  };

  it('adds self time per function and per package, largest first', () => {
    const { byFunction, byPackage } = summarizeProfile(profile);
    expect(byFunction[0]).toEqual({
      name: 'request axios/dist/node/axios.cjs:1',
      ms: 3,
      percent: 60,
    });
    expect(byPackage.map((share) => [share.name, share.percent])).toEqual([
      ['axios', 60],
      ['gateway (dist)', 20],
      ['((garbage collector))', 20],
    ]);
  });
});
