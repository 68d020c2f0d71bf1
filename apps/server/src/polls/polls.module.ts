import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { BallotsService } from './ballots.service.js';
import { PollClosing } from './poll-closing.service.js';
import { PollProgress } from './poll-progress.js';
import { MeetingPollsController, PollsController } from './polls.controller.js';
import { PollsService } from './polls.service.js';

@Module({
  imports: [MeetingsModule],
  controllers: [MeetingPollsController, PollsController],
  providers: [PollsService, BallotsService, PollClosing, PollProgress],
  exports: [PollsService, PollClosing],
})
export class PollsModule {}
