import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, ListUsersQuery, UpdateUserBody } from '@xieshang/protocol';
import { userKeys } from '../api/user-keys';
import { createUser, listUsers, resetPassword, updateUser } from '../api/users-api';

export function useUserList(query: ListUsersQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => listUsers(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUserMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: userKeys.all });
  return {
    create: useMutation({
      mutationFn: (body: CreateUserBody) => createUser(body),
      meta: { toastError: false },
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => updateUser(id, body),
      onSuccess,
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, password }: { id: string; password: string }) => resetPassword(id, { password }),
      meta: { toastError: false },
      onSuccess,
    }),
  };
}
