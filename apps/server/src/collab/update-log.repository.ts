import { Inject, Injectable } from '@nestjs/common';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { LogRow } from './group-commit.js';

export interface StoredRow {
  id: bigint;
  data: Uint8Array;
}

export interface StoredContent {
  snapshot: { state: Uint8Array; version: number } | null;
  rows: StoredRow[];
}

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The only code that touches the Yjs tables. A document's content is its snapshot plus every
 * row still in its update log; rows apply in any order.
 */
@Injectable()
export class UpdateLogRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** One INSERT statement: committed (synchronous_commit) when it resolves. */
  async append(rows: LogRow[], db: Db = this.prisma): Promise<void> {
    if (!rows.length) return;
    await db.documentUpdate.createMany({
      data: rows.map((r) => ({ documentId: r.documentId, data: r.data as Uint8Array<ArrayBuffer> })),
    });
  }

  /**
   * Rows first, snapshot second, no transaction needed: a row deleted in between was folded
   * into a snapshot at least as new as the one read after it.
   */
  async load(documentId: string, knownSnapshotVersion = 0): Promise<StoredContent> {
    const rows = await this.rows(documentId);
    const meta = await this.prisma.documentSnapshot.findUnique({ where: { documentId }, select: { version: true } });
    if (!meta || meta.version === knownSnapshotVersion) return { snapshot: null, rows };
    const snapshot = await this.prisma.documentSnapshot.findUnique({
      where: { documentId },
      select: { state: true, version: true },
    });
    return { snapshot, rows };
  }

  async rows(documentId: string, limit?: number): Promise<StoredRow[]> {
    return this.prisma.documentUpdate.findMany({
      where: { documentId },
      orderBy: { id: 'asc' },
      select: { id: true, data: true },
      ...(limit ? { take: limit } : {}),
    });
  }

  async deleteRows(ids: bigint[]): Promise<void> {
    await this.prisma.documentUpdate.deleteMany({ where: { id: { in: ids } } });
  }

  async snapshotVersion(documentId: string): Promise<number> {
    const meta = await this.prisma.documentSnapshot.findUnique({ where: { documentId }, select: { version: true } });
    return meta?.version ?? 0;
  }

  /** A new document's first content (inside the transaction that creates it). */
  async createSnapshot(db: Db, documentId: string, state: Uint8Array): Promise<void> {
    await db.documentSnapshot.create({ data: { documentId, state: state as Uint8Array<ArrayBuffer>, version: 1 } });
  }

  /**
   * Compaction's commit: the new state replaces snapshot `expectedVersion` (0: there is none
   * yet) and exactly `foldedRowIds` leave the log, atomically. False when another compaction
   * won the race (the version moved): nothing changed, try again later.
   */
  async replaceSnapshot(
    documentId: string,
    expectedVersion: number,
    state: Uint8Array,
    foldedRowIds: bigint[],
  ): Promise<boolean> {
    const data = state as Uint8Array<ArrayBuffer>;
    try {
      await this.prisma.$transaction(async (tx) => {
        if (expectedVersion === 0) {
          await tx.documentSnapshot.create({ data: { documentId, state: data, version: 1 } });
        } else {
          const { count } = await tx.documentSnapshot.updateMany({
            where: { documentId, version: expectedVersion },
            data: { state: data, version: expectedVersion + 1 },
          });
          if (count !== 1) throw new SnapshotRaceLost();
        }
        if (foldedRowIds.length) await tx.documentUpdate.deleteMany({ where: { id: { in: foldedRowIds } } });
      });
      return true;
    } catch (err) {
      if (err instanceof SnapshotRaceLost || (err as { code?: string }).code === 'P2002') return false;
      throw err;
    }
  }
}

class SnapshotRaceLost extends Error {}
