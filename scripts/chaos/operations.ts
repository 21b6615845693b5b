import {
  INSTALL_EXAMPLE,
  PUBLISH_EXAMPLES,
  UPGRADE_EXAMPLE,
} from '../../src/applications/applications.examples';

/** One logical write a chaos client wants done exactly once. */
export interface Operation {
  id: string;
  path: string;
  body: unknown;
}

/** Half publishes (unique names), the rest installs and upgrades of the sandbox's Rainbond apps. */
export function operationFor(index: number, random: () => number): Operation {
  const id = `op-${index}`;
  const roll = random();
  if (roll < 0.25) {
    return {
      id,
      path: '/v1/teams/acme/applications',
      body: { ...PUBLISH_EXAMPLES.appCenter.value, name: `chaos-${index}.exe` },
    };
  }
  if (roll < 0.5) {
    return {
      id,
      path: '/v1/teams/globex/applications',
      body: { ...PUBLISH_EXAMPLES.appWarehouse.value, name: `chaos-${index}` },
    };
  }
  const app = random() < 0.5 ? 'rainbond:region-1:1' : 'rainbond:region-2:3';
  return roll < 0.8
    ? { id, path: `/v1/teams/acme/applications/${app}/install`, body: INSTALL_EXAMPLE.value }
    : { id, path: `/v1/teams/acme/applications/${app}/upgrade`, body: UPGRADE_EXAMPLE.value };
}
