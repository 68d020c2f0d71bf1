import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';

@Module({ imports: [MeetingsModule], controllers: [AgendaController], providers: [AgendaService] })
export class AgendaModule {}
