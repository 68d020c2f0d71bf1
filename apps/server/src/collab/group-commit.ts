/** One row of a document's update log. */
export interface LogRow {
  documentId: string;
  data: Uint8Array;
}

interface Waiting {
  rows: LogRow[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: every append that arrives while a commit is running (or within the same tick)
 * goes into the next one, as ONE multi-row INSERT — one WAL flush for many updates of many
 * documents. Idle, an append commits at once; busy, batches grow by themselves. A failed batch
 * is retried once per document, so one bad document cannot fail the others' updates.
 */
export class GroupCommitWriter {
  private queue: Waiting[] = [];
  private running: Promise<void> | null = null;
  private scheduled = false;

  constructor(
    private readonly write: (rows: LogRow[]) => Promise<void>,
    private readonly maxRows = 1000,
  ) {}

  /** Resolves once the rows are committed. */
  append(rows: LogRow[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when everything appended so far has been committed (or has failed). */
  async idle(): Promise<void> {
    while (this.running || this.scheduled || this.queue.length) {
      await (this.running ?? new Promise((r) => setImmediate(r)));
    }
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // Gather everything received in this I/O phase before the first commit.
    setImmediate(() => {
      this.scheduled = false;
      this.running = this.run().finally(() => {
        this.running = null;
        if (this.queue.length) this.schedule();
      });
    });
  }

  private async run(): Promise<void> {
    while (this.queue.length) {
      const batch: Waiting[] = [];
      let rows = 0;
      while (this.queue.length && (rows === 0 || rows + this.queue[0]!.rows.length <= this.maxRows)) {
        const next = this.queue.shift()!;
        rows += next.rows.length;
        batch.push(next);
      }
      await this.commit(batch);
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    try {
      await this.write(batch.flatMap((w) => w.rows));
      for (const w of batch) w.resolve();
      return;
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
    }
    for (const w of batch) {
      try {
        await this.write(w.rows);
        w.resolve();
      } catch (err) {
        w.reject(err);
      }
    }
  }
}
