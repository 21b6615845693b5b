interface Entry {
  value: Promise<unknown>;
  /** Set when the value resolved; until then the entry only coalesces concurrent loads. */
  expiresAt?: number;
}

/**
 * Short-lived answers per team: concurrent identical reads share one load, results are reused for
 * `ttlMs`, and a write to the team drops everything cached for it. Keys must name the caller and
 * the query; entries of one team are never visible under another.
 */
export class ReadCache {
  private readonly teams = new Map<string, Map<string, Entry>>();
  private size = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** `keep` decides whether a loaded value may be reused (a partial answer should not be). */
  get<T>(
    team: string,
    key: string,
    load: () => Promise<T>,
    keep: (value: T) => boolean = () => true,
  ): Promise<T> {
    const entries = this.entriesOf(team);
    const cached = entries.get(key);
    if (cached && (cached.expiresAt === undefined || cached.expiresAt > this.now())) {
      return cached.value as Promise<T>;
    }
    if (cached) this.remove(entries, key);
    const entry: Entry = { value: load() };
    this.add(entries, key, entry);
    (entry.value as Promise<T>).then(
      (value) => {
        if (this.ttlMs > 0 && keep(value)) entry.expiresAt = this.now() + this.ttlMs;
        else if (entries.get(key) === entry) this.remove(entries, key);
      },
      () => {
        if (entries.get(key) === entry) this.remove(entries, key);
      },
    );
    return entry.value as Promise<T>;
  }

  invalidateTeam(team: string): void {
    const entries = this.teams.get(team);
    if (!entries) return;
    this.size -= entries.size;
    this.teams.delete(team);
  }

  private entriesOf(team: string): Map<string, Entry> {
    let entries = this.teams.get(team);
    if (!entries) {
      entries = new Map();
      this.teams.set(team, entries);
    }
    return entries;
  }

  private add(entries: Map<string, Entry>, key: string, entry: Entry): void {
    entries.set(key, entry);
    this.size += 1;
    if (this.size > this.maxEntries) {
      const [oldestTeam] = this.teams.values();
      const [oldestKey] = oldestTeam.keys();
      this.remove(oldestTeam, oldestKey);
    }
  }

  private remove(entries: Map<string, Entry>, key: string): void {
    if (entries.delete(key)) this.size -= 1;
  }
}
