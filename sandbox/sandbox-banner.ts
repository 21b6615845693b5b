import { styleText } from 'node:util';

/**
 * What `npm start` shows once the sandbox gateway listens: where it is, the key to use and one
 * request to paste. Bold and framed (colour only on a terminal) so it stands out from the log lines.
 */
export function sandboxBanner(base: string, apiKey: string): string {
  const rule = '─'.repeat(72);
  const rows: [string, string][] = [
    ['Gateway', `${base}/v1`],
    ['Swagger UI', `${base}/docs  (Authorize with the demo key)`],
    ['Demo API key', apiKey],
    ['Try', `curl -s ${base}/v1/teams -H 'Authorization: Bearer ${apiKey}'`],
  ];
  return [
    '',
    styleText('cyan', rule),
    styleText('bold', '  Application gateway is ready (sandbox mode)'),
    ...rows.map(([label, value]) => `  ${styleText('bold', label.padEnd(13))}${value}`),
    '  Rainbond, Workspace, WorkspaceApp and IAM are simulated on loopback;',
    '  set CONFIG_FILE to use real upstreams. Ctrl+C stops.',
    styleText('cyan', rule),
    '',
  ].join('\n');
}
