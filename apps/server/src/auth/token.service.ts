import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.js';
import { PRISMA, type PrismaClient } from '../database/database.module.js';
import { AppError } from '../common/errors/app-error.js';

export interface AccessClaims {
  sub: string;
  /** tokenVersion at issue time: a bump (logout everywhere, password change, disable) revokes it. */
  tv: number;
  /** Meeting scope for guest tokens. */
  mid?: string;
  /** Refresh session the token was issued under: ending the session (logout) ends the token too. */
  sid?: string;
}

const SECRET_KEY = 'jwt_secret';

/** Signs and verifies short-lived access tokens (HS256 via jose). */
@Injectable()
export class TokenService {
  private key?: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
  ) {}

  /** The configured secret, or one generated once and shared by all instances through the database. */
  private async signingKey(): Promise<Uint8Array> {
    if (this.key) return this.key;
    let secret = this.config.XS_JWT_SECRET;
    if (!secret) {
      const generated = randomBytes(48).toString('base64url');
      await this.prisma.serverSetting.upsert({
        where: { key: SECRET_KEY },
        create: { key: SECRET_KEY, value: generated },
        update: {},
      });
      secret = (await this.prisma.serverSetting.findUniqueOrThrow({ where: { key: SECRET_KEY } })).value;
    }
    this.key = new TextEncoder().encode(secret);
    return this.key;
  }

  get accessTtlSeconds(): number {
    return this.config.XS_ACCESS_TOKEN_TTL;
  }

  async signAccess(claims: AccessClaims): Promise<string> {
    const jwt = new SignJWT({
      tv: claims.tv,
      ...(claims.mid ? { mid: claims.mid } : {}),
      ...(claims.sid ? { sid: claims.sid } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(`${this.config.XS_ACCESS_TOKEN_TTL}s`)
      .setIssuer('xieshang');
    return jwt.sign(await this.signingKey());
  }

  /** Throws token_expired or authentication_required. */
  async verifyAccess(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, await this.signingKey(), {
        issuer: 'xieshang',
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.tv !== 'number') throw new Error('bad claims');
      return {
        sub: payload.sub,
        tv: payload.tv,
        mid: typeof payload.mid === 'string' ? payload.mid : undefined,
        sid: typeof payload.sid === 'string' ? payload.sid : undefined,
      };
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new AppError('token_expired');
      throw new AppError('authentication_required', undefined, (e as Error).message);
    }
  }
}
