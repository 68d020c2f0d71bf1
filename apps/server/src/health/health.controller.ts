import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthResponse } from '@xieshang/protocol';
import { Public } from '../auth/auth.decorators.js';
import { ZodResponse } from '../common/validation/zod-decorators.js';
import { DATABASE } from '../database/database.module.js';
import type { DatabaseConnection } from '../database/database-connection.js';

const startedAt = Date.now();
const version = process.env.npm_package_version ?? '0.1.0';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(DATABASE) private readonly db: DatabaseConnection) {}

  @Get()
  @Public()
  @ZodResponse(HealthResponse)
  async health(): Promise<HealthResponse> {
    await this.db.prisma.$queryRaw`SELECT 1`;
    return {
      status: 'ok',
      db: this.db.kind,
      version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      redis: 'disabled',
    };
  }
}
