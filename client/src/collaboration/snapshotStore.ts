/**
 * An immutable snapshot that changes over time, and the listeners to tell: what
 * `useSyncExternalStore` reads from `GuideRoom` and `SectionSession`.
 */
export class SnapshotStore<T extends object> {
  private readonly listeners = new Set<() => void>();

  constructor(private current: T) {}

  get snapshot(): T {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A new snapshot with `patch` applied; every listener hears of it. */
  update(patch: Partial<T>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener();
  }

  clear(): void {
    this.listeners.clear();
  }
}
