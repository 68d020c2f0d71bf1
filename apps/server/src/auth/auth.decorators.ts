import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { GlobalRole } from '@xieshang/protocol';
import type { AuthUser } from './auth-user.js';

export const PUBLIC_KEY = 'xs:public';
export const ROLES_KEY = 'xs:roles';

/** The route needs no login (health, login, invitation preview). Everything else does. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Restricts a route to these global roles (checked after authentication). */
export const Roles = (...roles: GlobalRole[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated user of this request. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
