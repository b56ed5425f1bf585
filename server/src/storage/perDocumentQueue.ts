/**
 * Runs the operations on one document one after another (a load never reads half a compaction,
 * two appends never interleave), while different documents go side by side.
 */
export class PerDocumentQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(name: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => {});
    this.tails.set(name, settled);
    void settled.then(() => {
      if (this.tails.get(name) === settled) this.tails.delete(name);
    });
    return run;
  }

  /** Resolves once every operation queued so far has finished. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.tails.values()]);
  }
}
