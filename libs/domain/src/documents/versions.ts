import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The usual names of a document's stages, in order, offered when saving a version
 * (初稿 → 征求意见稿 → 修改稿 → 表决稿 → 定稿). Any other name is allowed.
 */
export const DOCUMENT_STAGE_NAMES = ['初稿', '征求意见稿', '修改稿', '表决稿', '定稿'] as const;

/**
 * SHA-256 (hex) of a version's plain text in UTF-8. Polls freeze a version by this hash and the
 * minutes cite it, so anyone holding the text can recompute it.
 */
export function documentTextHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Name of the version saved automatically before a restore (stored as data; Chinese first). */
export function beforeRestoreVersionName(restoredName: string, restoredNumber: number): string {
  return `恢复第 ${restoredNumber} 版「${restoredName}」前的内容`;
}
