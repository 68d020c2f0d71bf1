import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { AttendanceController } from './attendance.controller.js';
import { AttendanceService } from './attendance.service.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsService } from './participants.service.js';

@Module({
  imports: [MeetingsModule],
  controllers: [ParticipantsController, AttendanceController],
  providers: [ParticipantsService, AttendanceService],
})
export class ParticipantsModule {}
