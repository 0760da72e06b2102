-- CreateTable
CREATE TABLE "AlertChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "events" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "global" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "JobAlertState" (
    "jobId" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL DEFAULT 'healthy',
    "since" DATETIME NOT NULL,
    "reason" TEXT,
    "runId" TEXT,
    "evaluatedAt" DATETIME,
    "evaluatedRunId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "JobAlertState_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT,
    "channelName" TEXT NOT NULL,
    "channelType" TEXT NOT NULL,
    "jobId" TEXT,
    "jobName" TEXT,
    "runId" TEXT,
    "event" TEXT NOT NULL,
    "fromState" TEXT,
    "reason" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AlertDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "AlertChannel" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AlertDelivery_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- AlterTable (columns added in place: rebuilding "Job" would drop indexes other migrations add)
ALTER TABLE "Job" ADD COLUMN "startGraceSeconds" INTEGER DEFAULT 60;
ALTER TABLE "Job" ADD COLUMN "alertChannelIds" JSONB NOT NULL DEFAULT '[]';

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
