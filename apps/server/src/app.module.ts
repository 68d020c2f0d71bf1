import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AppErrorFilter } from './common/errors/error.filter.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/env.js';
import { DatabaseModule } from './database/database.module.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { HealthModule } from './health/health.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { AgendaModule } from './agenda/agenda.module.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { CommitteesModule } from './committees/committees.module.js';
import { UsersModule } from './users/users.module.js';
import { SessionModule } from './session/session.module.js';
import { PollsModule } from './polls/polls.module.js';
import { OpinionsModule } from './opinions/opinions.module.js';
import { SpeakersModule } from './speakers/speakers.module.js';
import { AttendanceModule } from './attendance/attendance.module.js';
import { DocumentsModule } from './documents/documents.module.js';

/** Imports the feature modules; nothing else lives here. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, db: DatabaseConnection): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forConnection(db),
        AuditModule,
        AuthModule,
        HealthModule,
        UsersModule,
        MeetingsModule,
        AgendaModule,
        ParticipantsModule,
        CommitteesModule,
        DocumentsModule,
        SessionModule,
        PollsModule,
        OpinionsModule,
        SpeakersModule,
        AttendanceModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AppErrorFilter }],
    };
  }
}
