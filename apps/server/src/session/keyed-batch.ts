/**
 * Collects items per key and hands each key's batch to `flush` once per interval (trailing).
 * The live room uses it where one event per cause would cost room-size × causes messages —
 * presence at the opening of a meeting, a queue of check-ins at the door.
 */
export class KeyedBatch<T> {
  private readonly pending = new Map<string, Set<T>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (key: string, items: T[]) => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {}

  add(key: string, item: T): void {
    let items = this.pending.get(key);
    if (!items) this.pending.set(key, (items = new Set()));
    items.add(item);
    if (this.timers.has(key)) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      const batch = [...(this.pending.get(key) ?? [])];
      this.pending.delete(key);
      if (batch.length) this.flush(key, batch).catch(this.onError);
    }, this.intervalMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  clear(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.pending.clear();
  }
}
