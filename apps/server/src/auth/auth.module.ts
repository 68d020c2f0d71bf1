import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { InvitationAcceptController } from './invitation-accept.controller.js';
import { InvitationAcceptService } from './invitation-accept.service.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshSessionsService } from './refresh-sessions.service.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  controllers: [AuthController, InvitationAcceptController],
  providers: [
    TokenService,
    PasswordHasher,
    RefreshSessionsService,
    AuthService,
    InvitationAcceptService,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [TokenService, AuthGuard, PasswordHasher, RefreshSessionsService],
})
export class AuthModule {}
