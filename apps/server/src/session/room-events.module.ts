import { Global, Module } from '@nestjs/common';
import { RoomEvents } from './room-events.js';

/**
 * Global so that any feature — including ones outside the live room, e.g. participants after a
 * check-in — can push to the room with one injected RoomEvents and no module wiring.
 */
@Global()
@Module({ providers: [RoomEvents], exports: [RoomEvents] })
export class RoomEventsModule {}
