import { Global, Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { AttendanceViewController } from './attendance-view.controller.js';
import { AttendanceViewService } from './attendance-view.service.js';

/** Global so the participants feature can push check-ins to the room without importing this module. */
@Global()
@Module({
  imports: [MeetingsModule],
  controllers: [AttendanceViewController],
  providers: [AttendanceViewService],
  exports: [AttendanceViewService],
})
export class AttendanceModule {}
