-- CreateIndex
CREATE INDEX "Run_retryOfId_idx" ON "Run"("retryOfId");

-- CreateIndex
CREATE INDEX "Run_source_scheduledFor_idx" ON "Run"("source", "scheduledFor");
