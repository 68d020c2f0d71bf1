import type { ListDocumentsQuery } from '@xieshang/protocol';

/** react-query keys: lists, one document, its versions and comparisons. */
export const documentKeys = {
  all: ['documents'] as const,
  lists: () => [...documentKeys.all, 'list'] as const,
  list: (query: ListDocumentsQuery) => [...documentKeys.lists(), query] as const,
  detail: (id: string) => [...documentKeys.all, 'detail', id] as const,
  versions: (id: string) => [...documentKeys.detail(id), 'versions'] as const,
  version: (id: string, versionId: string) => [...documentKeys.versions(id), versionId] as const,
  diff: (id: string, from: string, to: string) => [...documentKeys.versions(id), 'diff', from, to] as const,
};
