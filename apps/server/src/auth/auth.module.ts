import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  providers: [TokenService, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [TokenService, AuthGuard],
})
export class AuthModule {}
