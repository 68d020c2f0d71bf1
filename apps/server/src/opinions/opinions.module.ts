import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { MeetingOpinionsController, OpinionsController } from './opinions.controller.js';
import { OpinionsService } from './opinions.service.js';

@Module({
  imports: [MeetingsModule],
  controllers: [MeetingOpinionsController, OpinionsController],
  providers: [OpinionsService],
  exports: [OpinionsService],
})
export class OpinionsModule {}
