import type { ChangePasswordBody, LoginBody, LoginResponse } from '@xieshang/protocol';
import { api } from '../../../shared/api/client';
import { session } from '../../../shared/auth/session';

export async function login(body: LoginBody): Promise<LoginResponse> {
  const response = await api<LoginResponse>('/auth/login', { method: 'POST', body, skipRefresh: true });
  session.start(response);
  return response;
}

/** Ends the session on the server (revokes the refresh cookie) and here, even if offline. */
export async function logout(): Promise<void> {
  try {
    await api('/auth/logout', { method: 'POST', skipRefresh: true });
  } finally {
    session.end('logout');
  }
}

/** A password change signs out every other session; this one continues with the new token. */
export async function changePassword(body: ChangePasswordBody): Promise<void> {
  session.start(await api<LoginResponse>('/auth/change-password', { method: 'POST', body }));
}
