import type { TeamConfig } from '../config/gateway-config.schema';

/** A gateway team resolved for this request: its key plus its upstream accounts and credentials. */
export type TeamContext = TeamConfig & { key: string };
