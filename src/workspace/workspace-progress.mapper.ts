import { formatApplicationId, type ApplicationRef } from '../applications/application-id';
import type { Application } from '../applications/models/application.model';
import type {
  AppCenterState,
  ApplicationProgress,
  VerificationState,
} from '../progress/progress.model';

const VERIFICATION_OF: Readonly<Record<string, VerificationState>> = {
  VERIFYING: 'verifying',
  VERIFY_PASS: 'passed',
  VERIFY_FAIL: 'failed',
};
const APP_CENTER_STATE_OF: Readonly<Record<string, AppCenterState>> = {
  NORMAL: 'normal',
  FORBIDDEN: 'forbidden',
};

/** App Warehouse: settled once verification decided; App Center: nothing asynchronous. */
export function fromWorkspaceApplication(
  app: ApplicationRef,
  found: Application,
  observedAt: string,
): ApplicationProgress {
  const base = { applicationId: formatApplicationId(app), provider: app.provider, observedAt };
  if (app.provider === 'app-warehouse') {
    const verification = found.appWarehouse?.verification;
    const state = VERIFICATION_OF[verification?.status ?? ''] ?? 'unknown';
    return {
      ...base,
      settled: state !== 'verifying',
      appWarehouse: {
        verification: state,
        upstreamStatus: verification?.status,
        comment: verification?.comment,
      },
    };
  }
  const status = found.appCenter?.status;
  return {
    ...base,
    settled: true,
    appCenter: { state: APP_CENTER_STATE_OF[status ?? ''] ?? 'unknown', upstreamStatus: status },
  };
}
