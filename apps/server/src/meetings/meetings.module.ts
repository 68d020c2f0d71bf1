import { Module } from '@nestjs/common';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { MeetingAccessService } from './meeting-access.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';

@Module({
  controllers: [MeetingsController, InvitationsController],
  providers: [MeetingAccessService, MeetingsService, InvitationsService],
  exports: [MeetingAccessService],
})
export class MeetingsModule {}
