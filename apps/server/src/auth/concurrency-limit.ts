/**
 * Runs at most `max` tasks at once; the rest wait in FIFO order. Password hashing uses it so a
 * burst of sign-ins (a meeting opening) queues instead of starving the event loop's thread pool
 * and the two CPU cores the rest of the server needs.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly max: number,
    /** Beyond this many waiting tasks, new ones are refused rather than queued for minutes. */
    private readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {
    if (max < 1) throw new RangeError('max must be at least 1');
  }

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with the task's result; rejects with QueueFullError when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.max) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new QueueFullError());
    // The slot is handed over directly by release(), so `running` never dips and lets a newcomer jump the queue.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

export class QueueFullError extends Error {
  constructor() {
    super('queue full');
  }
}
