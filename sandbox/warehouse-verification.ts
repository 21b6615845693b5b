/** When the simulated App Warehouse decides on an application it answered VERIFYING for. */
export interface VerificationSettings {
  afterMs: number;
  verdict: 'VERIFY_PASS' | 'Verify_FAIL';
}

const COMMENT: Record<VerificationSettings['verdict'], string> = {
  VERIFY_PASS: 'approved',
  Verify_FAIL: 'rejected: the installer failed the malware scan',
};

/**
 * The warehouse's review, computed from the clock: an application stays VERIFYING for `afterMs`
 * after its creation, then shows the verdict with a comment and a verify time. Without settings it
 * stays VERIFYING, as before anyone reviews it.
 */
export class WarehouseVerification {
  private readonly createdAt = new WeakMap<object, number>();

  constructor(
    private readonly settings: VerificationSettings | undefined,
    private readonly clock: () => number = Date.now,
  ) {}

  created(item: object): void {
    this.createdAt.set(item, this.clock());
  }

  /** The item as a read answers it now. */
  view<T extends { verify_status: string }>(item: T): T {
    const created = this.createdAt.get(item);
    if (!this.settings || created === undefined) return item;
    const decidedAt = created + this.settings.afterMs;
    if (this.clock() < decidedAt) return item;
    return {
      ...item,
      verify_status: this.settings.verdict,
      verify_comment: COMMENT[this.settings.verdict],
      verify_time: new Date(decidedAt).toISOString().replace(/Z$/, '000000Z'),
    };
  }
}
