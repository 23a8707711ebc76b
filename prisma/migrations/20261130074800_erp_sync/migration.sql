-- CreateEnum
CREATE TYPE "SyncKind" AS ENUM ('FULL', 'INCREMENTAL', 'ONLINE');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" SERIAL NOT NULL,
    "kind" "SyncKind" NOT NULL,
    "status" "SyncStatus" NOT NULL DEFAULT 'RUNNING',
    "source" TEXT NOT NULL,
    "tables" JSONB NOT NULL,
    "changedSince" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "leaseHolder" TEXT,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncIssue" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "table" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncSeen" (
    "table" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "runId" INTEGER NOT NULL,

    CONSTRAINT "SyncSeen_pkey" PRIMARY KEY ("table","externalId")
);

-- CreateIndex
CREATE INDEX "SyncRun_status_startedAt_idx" ON "SyncRun"("status", "startedAt");

-- CreateIndex
CREATE INDEX "SyncRun_kind_status_finishedAt_idx" ON "SyncRun"("kind", "status", "finishedAt");

-- CreateIndex
CREATE INDEX "SyncIssue_runId_idx" ON "SyncIssue"("runId");

-- CreateIndex
CREATE INDEX "SyncSeen_table_runId_idx" ON "SyncSeen"("table", "runId");

-- AddForeignKey
ALTER TABLE "SyncIssue" ADD CONSTRAINT "SyncIssue_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SyncRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
