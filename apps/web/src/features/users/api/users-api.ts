import type {
  CreateUserBody,
  ListUsersQuery,
  ResetPasswordBody,
  UpdateUserBody,
  UserDetail,
  UserList,
} from '@xieshang/protocol';
import { api } from '../../../shared/api/client';

export const listUsers = (query: ListUsersQuery, signal?: AbortSignal) => api<UserList>('/users', { query, signal });

export const createUser = (body: CreateUserBody) => api<UserDetail>('/users', { method: 'POST', body });

export const updateUser = (id: string, body: UpdateUserBody) =>
  api<UserDetail>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const resetPassword = (id: string, body: ResetPasswordBody) =>
  api<UserDetail>(`/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST', body });
