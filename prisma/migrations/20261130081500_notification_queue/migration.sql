-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "NotificationOutbox" (
    "id" SERIAL NOT NULL,
    "orderId" INTEGER NOT NULL,
    "event" "NotificationEvent" NOT NULL,
    "occurrence" TEXT NOT NULL DEFAULT '',
    "vars" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "NotificationOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "orderId" INTEGER NOT NULL,
    "event" "NotificationEvent" NOT NULL,
    "occurrence" TEXT NOT NULL DEFAULT '',
    "customerId" INTEGER NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'QUEUED',
    "address" TEXT,
    "answer" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NotificationOutbox_processedAt_idx" ON "NotificationOutbox"("processedAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationOutbox_orderId_event_occurrence_key" ON "NotificationOutbox"("orderId", "event", "occurrence");

-- CreateIndex
CREATE INDEX "Notification_channel_status_nextAttemptAt_idx" ON "Notification"("channel", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_status_sentAt_idx" ON "Notification"("status", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_orderId_event_occurrence_customerId_channel_key" ON "Notification"("orderId", "event", "occurrence", "customerId", "channel");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

