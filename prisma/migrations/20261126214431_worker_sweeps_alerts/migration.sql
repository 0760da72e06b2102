-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Worker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastHeartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stoppedAt" DATETIME,
    "capacity" INTEGER NOT NULL,
    "tasks" JSONB NOT NULL DEFAULT [],
    "shellEnabled" BOOLEAN NOT NULL DEFAULT false,
    "sweepsAlerts" BOOLEAN NOT NULL DEFAULT true
);
INSERT INTO "new_Worker" ("capacity", "host", "id", "lastHeartbeatAt", "pid", "shellEnabled", "startedAt", "stoppedAt", "tasks", "version") SELECT "capacity", "host", "id", "lastHeartbeatAt", "pid", "shellEnabled", "startedAt", "stoppedAt", "tasks", "version" FROM "Worker";
DROP TABLE "Worker";
ALTER TABLE "new_Worker" RENAME TO "Worker";
CREATE INDEX "Worker_lastHeartbeatAt_idx" ON "Worker"("lastHeartbeatAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
