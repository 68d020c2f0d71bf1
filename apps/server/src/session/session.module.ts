import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { OpinionsModule } from '../opinions/opinions.module.js';
import { PollsModule } from '../polls/polls.module.js';
import { SpeakersModule } from '../speakers/speakers.module.js';
import { LiveStateService } from './live-state.service.js';
import { RoomEventsModule } from './room-events.module.js';
import { SessionController } from './session.controller.js';
import { SessionGateway } from './session.gateway.js';
import { SessionService } from './session.service.js';

/**
 * The live meeting room: the /meeting socket, the chair's commands and the room state. The
 * features it shows (polls, opinions, speakers, attendance) are their own modules and push
 * through RoomEvents; this module only composes them.
 */
@Module({
  imports: [RoomEventsModule, MeetingsModule, PollsModule, OpinionsModule, SpeakersModule, AttendanceModule],
  controllers: [SessionController],
  providers: [SessionService, LiveStateService, SessionGateway],
})
export class SessionModule {}
