-- CreateEnum
CREATE TYPE "SpeakerRequestStatus" AS ENUM ('queued', 'speaking', 'done', 'withdrawn');

-- CreateEnum
CREATE TYPE "OpinionStance" AS ENUM ('support', 'oppose', 'supplement', 'other');

-- CreateEnum
CREATE TYPE "PollMethod" AS ENUM ('named', 'secret');

-- CreateEnum
CREATE TYPE "PollRule" AS ENUM ('simple_majority', 'majority_present', 'two_thirds_entitled');

-- CreateEnum
CREATE TYPE "PollStatus" AS ENUM ('draft', 'open', 'closed');

-- CreateEnum
CREATE TYPE "PollOptionRole" AS ENUM ('for', 'against', 'abstain', 'choice');

-- CreateTable
CREATE TABLE "MeetingLiveState" (
    "meetingId" TEXT NOT NULL,
    "currentAgendaItemId" TEXT,
    "itemTimerRunningSince" TIMESTAMPTZ(3),
    "itemTimerElapsedMs" INTEGER NOT NULL DEFAULT 0,
    "itemTimerLimitSeconds" INTEGER,
    "speakingLimitSeconds" INTEGER NOT NULL DEFAULT 480,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingLiveState_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "SpeakerRequest" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "topic" TEXT,
    "status" "SpeakerRequestStatus" NOT NULL DEFAULT 'queued',
    "position" INTEGER NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SpeakerRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Speech" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "requestId" TEXT,
    "agendaItemId" TEXT,
    "topic" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "limitSeconds" INTEGER NOT NULL,

    CONSTRAINT "Speech_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Opinion" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "stance" "OpinionStance" NOT NULL,
    "content" TEXT NOT NULL,
    "adopted" BOOLEAN NOT NULL DEFAULT false,
    "adoptedAt" TIMESTAMPTZ(3),
    "adoptedById" TEXT,
    "adoptedIntoPollId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Poll" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "method" "PollMethod" NOT NULL,
    "rule" "PollRule" NOT NULL DEFAULT 'simple_majority',
    "quorum" JSONB,
    "allowGuests" BOOLEAN NOT NULL DEFAULT false,
    "status" "PollStatus" NOT NULL DEFAULT 'draft',
    "documentVersionId" TEXT,
    "documentHash" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "results" JSONB,

    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollOption" (
    "id" TEXT NOT NULL,
    "pollId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "role" "PollOptionRole" NOT NULL,

    CONSTRAINT "PollOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" UUID NOT NULL,
    "pollId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "voterId" TEXT,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollVoter" (
    "pollId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "PollVoter_pkey" PRIMARY KEY ("pollId","userId")
);

-- CreateIndex
CREATE INDEX "SpeakerRequest_meetingId_status_position_idx" ON "SpeakerRequest"("meetingId", "status", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Speech_requestId_key" ON "Speech"("requestId");

-- CreateIndex
CREATE INDEX "Speech_meetingId_startedAt_idx" ON "Speech"("meetingId", "startedAt");

-- CreateIndex
CREATE INDEX "Opinion_meetingId_createdAt_idx" ON "Opinion"("meetingId", "createdAt");

-- CreateIndex
CREATE INDEX "Opinion_agendaItemId_createdAt_idx" ON "Opinion"("agendaItemId", "createdAt");

-- CreateIndex
CREATE INDEX "Poll_meetingId_createdAt_idx" ON "Poll"("meetingId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PollOption_pollId_label_key" ON "PollOption"("pollId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "PollOption_pollId_position_key" ON "PollOption"("pollId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_pollId_voterId_key" ON "Ballot"("pollId", "voterId");

-- AddForeignKey
ALTER TABLE "MeetingLiveState" ADD CONSTRAINT "MeetingLiveState_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerRequest" ADD CONSTRAINT "SpeakerRequest_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerRequest" ADD CONSTRAINT "SpeakerRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Speech" ADD CONSTRAINT "Speech_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Speech" ADD CONSTRAINT "Speech_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Speech" ADD CONSTRAINT "Speech_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SpeakerRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_adoptedIntoPollId_fkey" FOREIGN KEY ("adoptedIntoPollId") REFERENCES "Poll"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollOption" ADD CONSTRAINT "PollOption_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "PollOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollVoter" ADD CONSTRAINT "PollVoter_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;
