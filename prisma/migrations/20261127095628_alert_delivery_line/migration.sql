-- CreateIndex
CREATE INDEX "AlertDelivery_jobId_channelId_status_occurredAt_idx" ON "AlertDelivery"("jobId", "channelId", "status", "occurredAt");
