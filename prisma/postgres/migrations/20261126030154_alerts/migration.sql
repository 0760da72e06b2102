-- CreateEnum
CREATE TYPE "AlertChannelType" AS ENUM ('webhook', 'slack', 'email');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('healthy', 'failing', 'missed', 'lost', 'late');

-- CreateEnum
CREATE TYPE "AlertEvent" AS ENUM ('failure', 'misfire', 'lost', 'late', 'recovery', 'test');

-- CreateEnum
CREATE TYPE "AlertDeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "alertChannelIds" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "startGraceSeconds" INTEGER DEFAULT 60;

-- CreateTable
CREATE TABLE "AlertChannel" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "AlertChannelType" NOT NULL,
    "config" JSONB NOT NULL,
    "events" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "global" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobAlertState" (
    "jobId" TEXT NOT NULL,
    "state" "AlertState" NOT NULL DEFAULT 'healthy',
    "since" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "runId" TEXT,
    "evaluatedAt" TIMESTAMP(3),
    "evaluatedRunId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "JobAlertState_pkey" PRIMARY KEY ("jobId")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" TEXT NOT NULL,
    "channelId" TEXT,
    "channelName" TEXT NOT NULL,
    "channelType" "AlertChannelType" NOT NULL,
    "jobId" TEXT,
    "jobName" TEXT,
    "runId" TEXT,
    "event" "AlertEvent" NOT NULL,
    "fromState" "AlertState",
    "reason" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "status" "AlertDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "leaseExpiresAt" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertChannel_name_key" ON "AlertChannel"("name");

-- CreateIndex
CREATE INDEX "AlertDelivery_status_nextAttemptAt_idx" ON "AlertDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_createdAt_idx" ON "AlertDelivery"("createdAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_jobId_createdAt_idx" ON "AlertDelivery"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "Run_finishedAt_idx" ON "Run"("finishedAt");

-- AddForeignKey
ALTER TABLE "JobAlertState" ADD CONSTRAINT "JobAlertState_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "AlertChannel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE SET NULL ON UPDATE CASCADE;
