import type { ListUsersQuery } from '@xieshang/protocol';

export const userKeys = {
  all: ['users'] as const,
  list: (query: ListUsersQuery) => [...userKeys.all, 'list', query] as const,
};
