-- AlterTable
ALTER TABLE "Worker" ADD COLUMN     "sweepsAlerts" BOOLEAN NOT NULL DEFAULT true;
